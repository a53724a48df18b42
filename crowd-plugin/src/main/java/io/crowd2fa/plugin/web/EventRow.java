package io.crowd2fa.plugin.web;

/** One audit event as the help-desk page shows it (time in UTC). */
public record EventRow(String time, String type, String outcome, String address, String detail) {}
