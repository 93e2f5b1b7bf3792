package com.perftrack.kpi;

import com.perftrack.calendar.Period;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code GET /api/kpi-results}, {@code /api/figures} and {@code /api/data-gaps} (SPEC.md section 6).
 * Readable by every authenticated user, as the committee publishes results to everyone tracked.
 */
@RestController
class KpiController {

    private static final Set<String> UNIT_TYPES = Set.of("company", "department", "region", "person");

    private final KpiResultService results;
    private final FigureService figures;

    KpiController(KpiResultService results, FigureService figures) {
        this.results = results;
        this.figures = figures;
    }

    @GetMapping("/api/kpi-results")
    List<KpiResultView> results(@RequestParam String period, @RequestParam(required = false) String unitType,
            @RequestParam(required = false) String unitCode) {
        return results.results(checkedPeriod(period), checkedType(unitType), unitCode);
    }

    @GetMapping("/api/figures")
    List<FigureView> figures(@RequestParam String period, @RequestParam(required = false) String unitType,
            @RequestParam(required = false) String unitCode) {
        return figures.figures(checkedPeriod(period), checkedType(unitType), unitCode).stream()
                .map(f -> new FigureView(f.period(), f.unitType(), f.unitCode(), f.kpiCode(),
                        KpiResultView.plain(f.target()), KpiResultView.plain(f.actual())))
                .toList();
    }

    @GetMapping("/api/data-gaps")
    List<DataGapView> dataGaps(@RequestParam String period, @RequestParam(required = false) String unitType,
            @RequestParam(required = false) String unitCode) {
        return results.dataGaps(checkedPeriod(period), checkedType(unitType), unitCode);
    }

    private static String checkedPeriod(String period) {
        return Period.parse(period).toString();
    }

    private static String checkedType(String unitType) {
        if (unitType != null && !UNIT_TYPES.contains(unitType)) {
            throw new IllegalArgumentException("unitType 应为 company/department/region/person / unknown unit type '"
                    + unitType + "'");
        }
        return unitType;
    }

    @RestControllerAdvice(assignableTypes = KpiController.class)
    static class Problems {

        @ExceptionHandler(IllegalArgumentException.class)
        ProblemDetail badParameter(IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("参数无效 / invalid parameter");
            return problem;
        }

        @ExceptionHandler(MissingServletRequestParameterException.class)
        ProblemDetail missing(MissingServletRequestParameterException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "缺少参数 " + e.getParameterName() + " / missing parameter " + e.getParameterName());
            problem.setTitle("参数无效 / invalid parameter");
            problem.setProperty("errors", List.of(java.util.Map.of("field", e.getParameterName(), "message", "required")));
            return problem;
        }
    }
}
