package io.goalpost.metrics.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.Topics;
import io.goalpost.support.CloudEventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays the alert topic to server-sent event subscribers of this instance. It reads the topic, not this
 * instance's own changes, so a subscriber hears of every published change whichever instance made it: each
 * instance reads all partitions in a consumer group of its own, from the end.
 * <p>
 * It reads only while someone listens: with no subscriber its consumer is paused, so an instance that
 * nobody watches does not fetch and parse every alert change. A subscriber hears the changes published
 * from the moment it subscribed: when the first one comes, the consumer moves to that moment and resumes,
 * and anything older that a consumer still had in hand is not sent to it.
 */
@Component
class AlertStream extends AbstractConsumerSeekAware {

	static final String LISTENER_ID = "alert-stream";

	private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

	/** Browsers reconnect on their own when a stream ends; an hour bounds what a vanished client holds. */
	private static final long TIMEOUT_MILLIS = 3_600_000;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	/** Held while the first subscriber comes or the last one goes, so that pausing and resuming keep in step. */
	private final Object turn = new Object();

	private final KafkaListenerEndpointRegistry listeners;

	private final int maxSubscribers;

	AlertStream(KafkaListenerEndpointRegistry listeners, AlertProperties properties) {
		this.listeners = listeners;
		this.maxSubscribers = properties.streamMaxSubscribers();
	}

	/** @throws TooManySubscribersException when this instance serves as many streams as it may */
	SseEmitter subscribe(AlertFilter filter) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		// Wall-clock time, as the relay's producer stamps the records it is compared with.
		Subscriber subscriber = new Subscriber(emitter, filter, System.currentTimeMillis());
		emitter.onCompletion(() -> remove(subscriber));
		emitter.onTimeout(() -> remove(subscriber));
		emitter.onError((ex) -> remove(subscriber));
		synchronized (this.turn) {
			if (subscribers.size() >= maxSubscribers) {
				throw new TooManySubscribersException(maxSubscribers);
			}
			if (subscribers.isEmpty()) {
				seekToTimestamp(subscriber.since());
				container().resume();
			}
			subscribers.add(subscriber);
		}
		send(subscriber, SseEmitter.event().comment("subscribed"));
		return emitter;
	}

	/** The consumer starts paused unless someone is listening already. */
	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		super.onPartitionsAssigned(assignments, callback);
		synchronized (this.turn) {
			if (subscribers.isEmpty()) {
				container().pause();
			}
		}
	}

	// A poll at a time: a batch that no subscriber wants costs one call.
	@KafkaListener(id = LISTENER_ID, topics = "${goalpost.topics.alerts:" + Topics.ALERTS + "}",
			groupId = "goalpost-alert-stream-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest",
			batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		records.forEach(this::relay);
	}

	private void relay(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		List<Subscriber> hearing = subscribers.stream().filter((subscriber) -> subscriber.hears(record)).toList();
		if (hearing.isEmpty()) {
			return;
		}
		AlertChanged change;
		try {
			change = EventCodec.read(record.value(), AlertChanged.class);
		}
		catch (EventCodec.MalformedEventException ex) {
			log.warn("Skipped an unreadable alert change at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return;
		}
		String data = new String(record.value(), StandardCharsets.UTF_8);
		for (Subscriber subscriber : hearing) {
			if (subscriber.filter().matches(change)) {
				send(subscriber, SseEmitter.event()
					.id(CloudEventRecords.header(record, EventTypes.HEADER_ID))
					.name(change.eventType())
					.data(data));
			}
		}
	}

	/** A comment now and then, so that proxies keep the connection and a gone client is noticed. */
	@Scheduled(fixedRate = 15_000)
	void heartbeat() {
		subscribers.forEach((subscriber) -> send(subscriber, SseEmitter.event().comment("heartbeat")));
	}

	/** Ends every stream as shutdown begins: the web server's graceful shutdown would otherwise wait for them. */
	@EventListener(ContextClosedEvent.class)
	void close() {
		subscribers.forEach((subscriber) -> subscriber.emitter().complete());
		subscribers.clear();
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or its stream already ended: the servlet container ends the request itself, and
			// completing it again from this thread throws (Tomcat: "after an error had occurred"), which would cut
			// short the relay or heartbeat to every other subscriber.
			remove(subscriber);
		}
	}

	private void remove(Subscriber subscriber) {
		synchronized (this.turn) {
			if (subscribers.remove(subscriber) && subscribers.isEmpty()) {
				container().pause();
			}
		}
	}

	private MessageListenerContainer container() {
		return listeners.getListenerContainer(LISTENER_ID);
	}

	/** @param since when it subscribed, in epoch milliseconds: it hears of changes published from then on */
	private record Subscriber(SseEmitter emitter, AlertFilter filter, long since) {

		boolean hears(ConsumerRecord<?, ?> record) {
			return record.timestamp() >= since;
		}

	}

}
