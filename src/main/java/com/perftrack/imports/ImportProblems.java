package com.perftrack.imports;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** RFC 7807 answers of the import endpoints; a rejected file lists every bad line in {@code errors}. */
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportProblems {

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "文件有 " + e.errors().size() + " 处错误，未导入任何数据 / " + e.errors().size()
                        + " bad line(s); nothing was stored");
        problem.setTitle("导入文件有错误 / import file rejected");
        problem.setType(URI.create("urn:ptc:problem:import-rejected"));
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(ImportOutsideRemitException.class)
    ProblemDetail outsideRemit(ImportOutsideRemitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "文件有 " + e.errors().size() + " 行超出您的职责范围，未导入任何数据 / " + e.errors().size()
                        + " line(s) outside your remit; nothing was stored");
        problem.setTitle("超出职责范围 / outside your remit");
        problem.setType(URI.create("urn:ptc:problem:import-outside-remit"));
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(ImportGate.ImportBusyException.class)
    ResponseEntity<ProblemDetail> busy(ImportGate.ImportBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("导入繁忙 / too many imports at once");
        problem.setType(URI.create("urn:ptc:problem:import-busy"));
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds)).body(problem);
    }

    @ExceptionHandler(ImportController.ImportForbiddenException.class)
    ProblemDetail forbidden(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("无导入权限 / not allowed to import");
        return problem;
    }

    @ExceptionHandler(ImportController.UnknownImportException.class)
    ProblemDetail unknown(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ProblemDetail noFile(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请用 multipart 字段 'file' 上传 CSV 或 XLSX 文件 / send the CSV or XLSX file as multipart field 'file'");
        problem.setTitle("缺少文件 / no file");
        return problem;
    }
}
