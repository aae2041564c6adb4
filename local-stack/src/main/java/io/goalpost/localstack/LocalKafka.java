package io.goalpost.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own broker in KRaft mode (broker and controller in one node), storing its log under the
 * data directory so topics and offsets survive a restart. The storage is formatted once, on first start.
 */
final class LocalKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	LocalKafka(Path dataDirectory, int port, int controllerPort) throws IOException {
		Path logDirectory = dataDirectory.resolve("kafka");
		Files.createDirectories(logDirectory);
		Properties config = new Properties();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("log.dirs", logDirectory.toAbsolutePath().toString());
		config.put("num.partitions", "6");
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			format(dataDirectory.resolve("kafka-server.properties"), config);
		}
		this.server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
		this.server.startup();
		this.bootstrapServers = "localhost:" + port;
	}

	private static void format(Path propertiesFile, Properties config) throws IOException {
		try (OutputStream out = Files.newOutputStream(propertiesFile)) {
			config.store(out, "Written by the Goalpost local stack to format the Kafka storage");
		}
		int exit = StorageTool.execute(new String[] { "format", "--ignore-formatted", "-t",
				Uuid.randomUuid().toString(), "-c", propertiesFile.toString() }, new PrintStream(OutputStream.nullOutputStream()));
		if (exit != 0) {
			throw new IllegalStateException("Formatting the Kafka storage under " + propertiesFile.getParent() + " failed");
		}
	}

	String bootstrapServers() {
		return bootstrapServers;
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
	}

}
