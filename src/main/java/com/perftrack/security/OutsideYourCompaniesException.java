package com.perftrack.security;

/**
 * A read that names a company, unit or person the caller may not see. Answered with 403 and one
 * sentence (Chinese and English) by {@link AccessProblems}.
 */
public class OutsideYourCompaniesException extends RuntimeException {

    public OutsideYourCompaniesException(String what) {
        super("无权查看" + what + "：不属于您的公司或本人 / you may not see " + what
                + ": it is outside your companies or not your own");
    }
}
