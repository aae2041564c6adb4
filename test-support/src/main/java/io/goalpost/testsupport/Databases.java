package io.goalpost.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

final class Databases {

	private Databases() {
	}

	/** Creates an empty database through an admin connection and returns its name. */
	static String create(String adminJdbcUrl, String username, String password) {
		String name = Infrastructure.uniqueName("goalpost");
		try (Connection connection = DriverManager.getConnection(adminJdbcUrl, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
			return name;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
	}

}
