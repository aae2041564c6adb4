package io.goalpost.contract;

/** The life of an alert: it fires once when its condition starts to hold and resolves once when it stops. */
public enum AlertState {
	FIRING, RESOLVED
}
