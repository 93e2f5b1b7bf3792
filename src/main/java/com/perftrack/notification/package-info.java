/**
 * E-mail notices to Camunda users and groups: one service ({@link com.perftrack.notification.Notifier})
 * for every feature's reminders and escalations. Depends on no other feature module.
 */
package com.perftrack.notification;
