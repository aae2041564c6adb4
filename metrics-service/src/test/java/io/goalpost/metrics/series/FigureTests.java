package io.goalpost.metrics.series;

import java.util.List;
import java.util.Locale;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The names contract enums are stored and shown by, and back. */
class FigureTests {

	@Test
	void storesEveryConstantByItsLowerCaseNameAndReadsItBack() {
		for (Class<? extends Enum<?>> type : List.of(FigureKind.class, Comparator.class, FigureStatus.class)) {
			for (Enum<?> constant : type.getEnumConstants()) {
				assertThat(Figure.stored(constant)).isEqualTo(constant.name().toLowerCase(Locale.ROOT));
				assertThat(parse(type, Figure.stored(constant))).isSameAs(constant);
			}
		}
		assertThat(Figure.stored(null)).isNull();
		assertThat(Figure.parse(Comparator.class, null)).isNull();
	}

	@Test
	void refusesANameNoConstantIsStoredAs() {
		assertThatIllegalArgumentException().isThrownBy(() -> Figure.parse(Comparator.class, "GTE"))
			.withMessage("No Comparator is stored as 'GTE'");
		assertThatIllegalArgumentException().isThrownBy(() -> Figure.parse(FigureKind.class, "gte"));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Enum<?> parse(Class<? extends Enum<?>> type, String stored) {
		return Figure.parse((Class) type, stored);
	}

}
