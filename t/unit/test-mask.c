/*
 * test-mask.c: personal data masked for display: names keep their first
 * character, phone numbers their first three and last four digits,
 * resident ID numbers their first three and last four, bank accounts
 * their first and last four; what is too short to mask is not shown.
 */
#include <string.h>

#include "core/app.h"
#include "shared/mask.h"
#include "tap.h"

int
main(void)
{
	struct pool	*p = pool_new(4096);

	is_str(mask_name(p, "张三"), "张*", "a name of two characters");
	is_str(mask_name(p, "欧阳娜娜"), "欧***", "a name of four");
	is_str(mask_name(p, "李"), "李*", "a name of one still hides one");
	ok(mask_name(p, "") == NULL, "no name, nothing");
	is_str(mask_phone(p, "13812345678"), "138****5678", "a mobile number");
	ok(mask_phone(p, "1381234") == NULL, "a short number is not shown");
	is_str(mask_idno(p, "33010919900101123X"), "330***********123X",
	    "an ID number, its check character kept");
	is_str(mask_idno(p, "330109199001011234"), "330***********1234",
	    "an ID number");
	ok(mask_idno(p, "1234567") == NULL, "seven characters hide nothing");
	ok(mask_idno(p, NULL) == NULL, "none");
	is_str(mask_account(p, "6222021234567890123"), "6222***********0123",
	    "a bank account of 19 digits");
	is_str(mask_account(p, "622202123456"), "6222****3456",
	    "one of 12");
	ok(mask_account(p, "12345678") == NULL, "eight digits hide nothing");
	pool_free(p);
	return done_testing();
}
