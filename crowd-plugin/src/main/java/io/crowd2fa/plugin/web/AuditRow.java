package io.crowd2fa.plugin.web;

/** One audit event as the help desk's search shows it (time in UTC; absent values empty). */
public record AuditRow(
    String time, String type, String outcome, String user, String client, String detail) {}
