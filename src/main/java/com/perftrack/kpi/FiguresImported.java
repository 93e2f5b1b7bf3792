package com.perftrack.kpi;

import java.util.List;

/** Published when an import has stored figures of these periods (delivered after its commit to listeners that ask so). */
public record FiguresImported(List<String> periods) {
}
