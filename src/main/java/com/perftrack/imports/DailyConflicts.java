package com.perftrack.imports;

import com.perftrack.kpi.FigureService;
import java.math.BigDecimal;

/** The warning when a month's own total row and the sum of its days disagree (SPEC.md section 7: the total row wins). */
final class DailyConflicts {

    private DailyConflicts() {
    }

    static String message(FigureService.PartConflict c) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        append(zh, en, "目标", "target", c.monthly().target(), c.daily().target());
        append(zh, en, "实际", "actual", c.monthly().actual(), c.daily().actual());
        return c.period() + " " + c.unitCode() + " " + c.kpiCode() + "：月度合计行与日数据汇总不一致（" + zh
                + "），以月度合计行为准 / the month's total row disagrees with its daily figures (" + en
                + "); the total row is used";
    }

    private static void append(StringBuilder zh, StringBuilder en, String zhName, String enName, BigDecimal monthly,
            BigDecimal daily) {
        if (monthly == null || daily == null || monthly.compareTo(daily) == 0) {
            return;
        }
        if (zh.length() > 0) {
            zh.append("；");
            en.append("; ");
        }
        zh.append(zhName).append(" 月度 ").append(plain(monthly)).append(" ≠ 日汇总 ").append(plain(daily));
        en.append(enName).append(" month ").append(plain(monthly)).append(" vs days ").append(plain(daily));
    }

    private static String plain(BigDecimal v) {
        return v.setScale(Math.min(Math.max(v.stripTrailingZeros().scale(), 0), 6), java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
