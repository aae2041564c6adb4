package io.goalpost.contract;

/** The life of an alert: raised once when a target is missed, resolved once when a figure meets it. */
public enum AlertState {
	FIRING, RESOLVED
}
