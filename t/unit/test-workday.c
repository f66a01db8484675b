/*
 * test-workday.c: working days (workday.c): days written and numbered
 * both ways, weekdays, days that are none, holidays and make-up working
 * days of the table, and the n-th working day after a day, as the
 * training bookings' 5-working-day deadline counts it.
 */
#include <stddef.h>

#include "core/app.h"
#include "shared/workday.h"
#include "tap.h"

int
main(void)
{
	struct pool	*p = pool_new(1024);
	struct workdays	 w = { 0 };
	long		 day[3], fri, thu;
	int		 working[3];

	is_int(day_number("1970-01-01"), 0, "day 0");
	is_int(day_number("2026-12-03"), 20790, "a day's number");
	is_str(day_text(p, 20790), "2026-12-03", "and back");
	is_str(day_text(p, day_number("2028-02-29")), "2028-02-29",
	    "a leap day");
	is_int(day_number("2027-02-29"), -1, "no leap day in 2027");
	is_int(day_number("2100-02-29"), -1, "nor in 2100");
	is_int(day_number("2026-04-31"), -1, "no 31 April");
	is_int(day_number("2026-13-01"), -1, "no 13th month");
	is_int(day_number("2026-1-01"), -1, "malformed");
	is_int(day_number("2026-12-03 18:00:00"), 20790, "a time's day");
	is_int(day_weekday(0), 4, "1970-01-01 was a Thursday");
	is_int(day_weekday(day_number("2026-12-05")), 6, "a Saturday");

	fri = day_number("2026-12-04");
	ok(workday_is(&w, fri), "a Friday works");
	ok(!workday_is(&w, fri + 1), "a Saturday does not");
	is_int(workday_after(&w, fri, 5), fri + 7,
	    "a Friday's fifth working day is the next Friday");
	is_int(workday_after(&w, fri + 1, 5), fri + 7,
	    "and a Saturday's too");
	is_int(workday_after(&w, fri, 0), fri, "no days: the day itself");

	/* Three rows shaped like a National Day week (not the official
	   schedule): Thursday 1 October off, Sunday 27 September and
	   Saturday 10 October worked. */
	day[0] = day_number("2026-09-27");
	working[0] = 1;
	day[1] = day_number("2026-10-01");
	working[1] = 0;
	day[2] = day_number("2026-10-10");
	working[2] = 1;
	w.day = day;
	w.working = working;
	w.n = 3;
	ok(workday_is(&w, day[0]), "a make-up Sunday works");
	ok(!workday_is(&w, day[1]), "a holiday Thursday does not");
	ok(workday_is(&w, day[2]), "a make-up Saturday works");
	ok(workday_is(&w, day_number("2026-10-02")), "a day not in the table: "
	    "its weekday");
	thu = day_number("2026-09-24");
	is_str(day_text(p, workday_after(&w, thu, 5)), "2026-09-30",
	    "Thursday 24 Sep: Fri, Sun (worked), Mon, Tue, Wed");
	is_str(day_text(p, workday_after(&w, thu, 6)), "2026-10-02",
	    "the sixth is Friday 2 Oct, past the holiday");
	is_str(day_text(p, workday_after(&w, day_number("2026-10-08"), 2)),
	    "2026-10-10", "a make-up Saturday counts");
	pool_free(p);
	return done_testing();
}
