package com.perftrack.agenda;

/** The items need more time than the meeting has. */
class AgendaDoesNotFitException extends IllegalArgumentException {

    public AgendaDoesNotFitException(int needed, int available) {
        super("议程超出会议时长：需要 " + needed + " 分钟，会议只有 " + available + " 分钟。请延长会议或缩短发言时间。"
                + " / The agenda needs " + needed + " minutes but the meeting has " + available + ".");
    }
}
