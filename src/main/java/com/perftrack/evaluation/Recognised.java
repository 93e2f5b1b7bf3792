package com.perftrack.evaluation;

import java.util.List;

/**
 * People to recognise in public (公开表彰, issue 17): published by the quarter's publication (its
 * bonuses), the general manager's approval of annual awards and an approved special contribution award;
 * {@link RecognitionService} keeps and announces them in the same transaction.
 */
public record Recognised(String kind, String period, String occasion, List<RecognitionService.Honour> honours) {

    public Recognised {
        honours = List.copyOf(honours);
    }
}
