package com.perftrack.templates;

import java.util.List;

/** A template upload committed: the collection forms of these months show what arrived. */
record TemplateImported(List<String> periods) {
}
