package com.perftrack.templates;

import com.perftrack.imports.ImportRejectedException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 7807 answers of the template endpoints, worded like the figures import's; a bad or missing query
 * parameter is answered by the shared {@code security.ParameterProblems}.
 */
@RestControllerAdvice(assignableTypes = TemplatesController.class)
class TemplateProblems {

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "文件有 " + e.errors().size() + " 处错误，未导入任何数据 / " + e.errors().size() + " bad line(s); nothing was stored");
        problem.setTitle("导入文件有错误 / import file rejected");
        problem.setType(URI.create("urn:ptc:problem:import-rejected"));
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(TemplateRemit.OutsideRemitException.class)
    ProblemDetail outsideRemit(TemplateRemit.OutsideRemitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "文件有 " + e.errors.size() + " 行超出您的职责范围，未导入任何数据 / " + e.errors.size()
                        + " line(s) outside your remit; nothing was stored");
        problem.setTitle("超出职责范围 / outside your remit");
        problem.setType(URI.create("urn:ptc:problem:import-outside-remit"));
        problem.setProperty("errors", e.errors);
        return problem;
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("无权操作 / not allowed");
        return problem;
    }

    @ExceptionHandler(UnknownTemplateException.class)
    ProblemDetail unknown(UnknownTemplateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ProblemDetail noFile(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请用 multipart 字段 'file' 上传 CSV 或 XLSX 文件 / send the CSV or XLSX file as multipart field 'file'");
        problem.setTitle("缺少文件 / no file");
        return problem;
    }

    static class NotAllowedException extends RuntimeException {
        NotAllowedException(String message) {
            super(message);
        }
    }

    static class UnknownTemplateException extends RuntimeException {
        UnknownTemplateException(String name) {
            super("没有这种模板 / no template called '" + name + "': customer-survey, market-report or regional-plan");
        }
    }
}
