package io.goalpost.support;

import java.net.URL;
import java.net.URLClassLoader;

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLz4Tests {

	@Test
	void lz4JavaLoadedByAClassLoaderOfItsOwnTakesItsJavaCodeUnlessTheLibraryIsLoaded() throws Exception {
		try (URLClassLoader own = ownLoader()) {
			assertThat(fastestFactory(own)).isEqualTo("LZ4Factory:JavaSafe");
		}
	}

	@Test
	void loadingItMakesKafkasCodecNativeThere() throws Exception {
		try (URLClassLoader own = ownLoader()) {
			boolean loaded = (boolean) own.loadClass(NativeLz4.class.getName()).getMethod("load").invoke(null);
			assertThat(loaded).isTrue();
			assertThat(fastestFactory(own)).isEqualTo("LZ4Factory:JNI");
		}
	}

	@Test
	void everySpringApplicationLoadsItAsItStarts() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader()).load(ApplicationListener.class))
			.hasAtLeastOneElementOfType(NativeLz4.class);
	}

	/** What Kafka's codec takes: {@code LZ4Factory.fastestInstance()}, as lz4-java names it. */
	private static String fastestFactory(ClassLoader loader) throws Exception {
		return loader.loadClass(LZ4Factory.class.getName()).getMethod("fastestInstance").invoke(null).toString();
	}

	/**
	 * lz4-java and {@link NativeLz4} in a class loader of their own, as a Spring Boot executable jar loads them; the
	 * rest (Spring, which {@link NativeLz4} names) from the test's.
	 */
	private static URLClassLoader ownLoader() {
		URL[] urls = { LZ4Factory.class.getProtectionDomain().getCodeSource().getLocation(),
				NativeLz4.class.getProtectionDomain().getCodeSource().getLocation() };
		return new URLClassLoader("own", urls, NativeLz4Tests.class.getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				if (!name.startsWith("net.jpountz.") && !name.equals(NativeLz4.class.getName())) {
					return super.loadClass(name, resolve);
				}
				synchronized (getClassLoadingLock(name)) {
					Class<?> loaded = findLoadedClass(name);
					return (loaded != null) ? loaded : findClass(name);
				}
			}

		};
	}

}
