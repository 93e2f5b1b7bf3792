package com.perftrack.imports;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the multipart limit is refused while the request is parsed, before any controller is
 * chosen, so {@link ImportProblems} (bound to the import controller) never sees it: 413 with the
 * same problem shape and one sentence naming the limit, instead of a bare "Payload Too Large".
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitProblems {

    private final DataSize maxFileSize;

    UploadLimitProblems(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        long mb = maxFileSize.toMegabytes();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "文件超过 " + mb + " MB 上限，未导入任何数据，请拆分文件 / the file is larger than " + mb
                        + " MB; nothing was stored: split the file");
        problem.setTitle("文件过大 / file too large");
        problem.setType(URI.create("urn:ptc:problem:import-too-large"));
        return problem;
    }
}
