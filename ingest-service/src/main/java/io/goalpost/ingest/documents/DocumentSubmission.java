package io.goalpost.ingest.documents;

/** A document posted as JSON: only {@code text} is required; the rest is inferred when missing. */
record DocumentSubmission(String text, String title, String url, String publisher, String publishedAt, String region) {
}
