package com.perftrack.action;

/**
 * What the author writes in the action form. {@code deadline} stays the text the form sent
 * (Camunda Forms save a date as a String, {@code 2026-12-24}); the pre-check parses it.
 */
record ActionDraft(Long findingId, String item, String deadline, String responsibleDepartment,
        String responsiblePerson, String expectedResult, String measures) {
}
