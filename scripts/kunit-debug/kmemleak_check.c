// SPDX-License-Identifier: GPL-2.0
/*
 * The last KUnit suite of "make kunit" with kmemleak on: once the suites
 * of the examples have run, ask kmemleak for a scan and fail on every leak
 * that the examples or their tests allocated.
 *
 * Not one of the examples: scripts/kunit builds it into its work tree,
 * after every other object of samples/page_migration/, when the project's
 * KUNIT_KMEMLEAK option is on, so that its suite is the last to run.
 *
 * kmemleak is driven through its debugfs file, as a user would drive it.
 * Its file has plain read and write methods that copy from and to user
 * memory, so the commands and the report go through a page of user memory
 * that KUnit maps for the test.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* kmemleak reports only objects at least this old (its MSECS_MIN_AGE). */
#define KMEMLEAK_MIN_AGE_MS	5000
#define REPORT_MAX		(512 * 1024)
#define USER_CHUNK		PAGE_SIZE

/* A leak is ours when a frame of its backtrace is one of these. */
static const char *const our_prefixes[] = {
	"balloon_example", "balloon_fixture", "balloon_race",
	"zsmalloc_example", "zsmalloc_fixture", "zsmalloc_race",
	"zsmalloc_test", "registration_", "migrate_example",
	"mops_", "mig_", "race_",
};

/*
 * The canary: an object leaked on purpose, whose address is kept only
 * XORed with a mask, which kmemleak cannot follow.  If the scan does not
 * report it, kmemleak cannot report the examples' leaks either.
 */
#define CANARY_MASK	0x5a5a5a5a5a5a5a5aUL
#define CANARY_SIZE	72

static noinline unsigned long canary_leak(void)
{
	void *canary = kmalloc(CANARY_SIZE, GFP_KERNEL);

	return canary ? (unsigned long)canary ^ CANARY_MASK : 0;
}

struct kmemleak_file {
	struct vfsmount *mnt;
	struct file *file;
	char __user *ubuf;
};

static int kmemleak_file_init(struct kunit *test, struct kmemleak_file *k)
{
	struct file_system_type *debugfs = get_fs_type("debugfs");
	unsigned long addr;

	if (!debugfs)
		return -ENODEV;
	k->mnt = kern_mount(debugfs);
	if (IS_ERR(k->mnt))
		return PTR_ERR(k->mnt);
	k->file = file_open_root_mnt(k->mnt, "kmemleak", O_RDWR, 0);
	if (IS_ERR(k->file)) {
		kern_unmount(k->mnt);
		return PTR_ERR(k->file);
	}
	addr = kunit_vm_mmap(test, NULL, 0, USER_CHUNK, PROT_READ | PROT_WRITE,
			     MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (IS_ERR_VALUE(addr)) {
		filp_close(k->file, NULL);
		kern_unmount(k->mnt);
		return (int)addr;
	}
	k->ubuf = (char __user *)addr;
	return 0;
}

static void kmemleak_file_exit(struct kmemleak_file *k)
{
	filp_close(k->file, NULL);
	kern_unmount(k->mnt);
}

static ssize_t kmemleak_command(struct kmemleak_file *k, const char *cmd)
{
	size_t len = strlen(cmd);
	loff_t pos = 0;

	if (copy_to_user(k->ubuf, cmd, len))
		return -EFAULT;
	return vfs_write(k->file, k->ubuf, len, &pos);
}

/* The report, NUL-terminated, in @buf of REPORT_MAX bytes; its length. */
static ssize_t kmemleak_report(struct kmemleak_file *k, char *buf)
{
	loff_t pos = 0;
	size_t len = 0;

	while (len < REPORT_MAX - 1) {
		size_t want = min_t(size_t, USER_CHUNK, REPORT_MAX - 1 - len);
		ssize_t n = vfs_read(k->file, k->ubuf, want, &pos);

		if (n < 0)
			return n;
		if (n == 0)
			break;
		if (copy_from_user(buf + len, k->ubuf, n))
			return -EFAULT;
		len += n;
	}
	buf[len] = '\0';
	return len;
}

static bool kmemleak_frame_is_ours(const char *symbol)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(our_prefixes); i++)
		if (str_has_prefix(symbol, our_prefixes[i]))
			return true;
	return false;
}

/*
 * @leak: one entry of the report, @len bytes.  Its frames follow the
 * "backtrace" line, one a line, "symbol+offset/size" after blanks (older
 * kernels put "[<address>] " before the symbol).
 */
static bool kmemleak_leak_is_ours(const char *leak, size_t len)
{
	const char *end = leak + len;
	const char *p = strnstr(leak, "backtrace", len);

	while (p && (p = memchr(p, '\n', end - p)) && ++p < end) {
		while (p < end && *p == ' ')
			p++;
		if (p < end && *p == '[') {
			const char *q = strnstr(p, "] ", end - p);

			if (q)
				p = q + 2;
		}
		if (kmemleak_frame_is_ours(p))
			return true;
	}
	return false;
}

static void kmemleak_examples_leak_nothing(struct kunit *test)
{
	unsigned int ours = 0, others = 0;
	struct kmemleak_file k;
	const char *leak, *next;
	char canary_line[64];
	bool canary_seen = false;
	unsigned long hidden;
	ssize_t len;
	char *buf;
	int err;

	hidden = canary_leak();
	KUNIT_ASSERT_NE(test, hidden, 0UL);
	/*
	 * The last case's objects must be old enough to be reported; what
	 * this case allocates from here on is too young to be.
	 */
	msleep(KMEMLEAK_MIN_AGE_MS + 500);
	err = kmemleak_file_init(test, &k);
	if (err)
		kfree((void *)(hidden ^ CANARY_MASK));
	KUNIT_ASSERT_EQ_MSG(test, err, 0, "cannot open kmemleak in debugfs");
	/*
	 * A scan reports an object only once its contents are the same as at
	 * the scan before (kmemleak takes a changed object for a live one),
	 * so the first scan of a new object never reports it: scan twice.
	 * Without the stacks: the stack of a thread that is gone but not yet
	 * reaped, or an unused part of a live one, still holds the addresses
	 * of what it allocated, and would hide its leaks.
	 */
	len = kmemleak_command(&k, "stack=off");
	if (len >= 0)
		len = kmemleak_command(&k, "scan");
	if (len >= 0)
		len = kmemleak_command(&k, "scan");
	kmemleak_command(&k, "stack=on");
	buf = kvzalloc(REPORT_MAX, GFP_KERNEL);
	if (!buf)
		kmemleak_file_exit(&k);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	if (len >= 0)
		len = kmemleak_report(&k, buf);
	kmemleak_file_exit(&k);
	if (len < 0)
		kvfree(buf);
	KUNIT_ASSERT_GE_MSG(test, len, 0, "kmemleak scan or report: error %zd",
			    len);

	snprintf(canary_line, sizeof(canary_line),
		 "unreferenced object 0x%08lx ", hidden ^ CANARY_MASK);
	for (leak = strstr(buf, "unreferenced object"); leak; leak = next) {
		size_t n;

		next = strstr(leak + 1, "unreferenced object");
		n = next ? next - leak : strlen(leak);
		if (!strncmp(leak, canary_line, strlen(canary_line))) {
			canary_seen = true;
			continue;
		}
		if (kmemleak_leak_is_ours(leak, n)) {
			ours++;
			kunit_err(test, "kmemleak: %.*s", (int)n, leak);
		} else {
			kunit_info(test, "kmemleak, not the examples': %.*s",
				   (int)n, leak);
			others++;
		}
	}
	kunit_info(test, "kmemleak: %u leaks of the examples, %u of others\n",
		   ours, others);
	KUNIT_EXPECT_TRUE_MSG(test, canary_seen,
			      "kmemleak did not report the canary it was given: it cannot see leaks");
	KUNIT_EXPECT_EQ(test, ours, 0);
	kfree((void *)(hidden ^ CANARY_MASK));
	kvfree(buf);
}

static struct kunit_case page_migration_kmemleak_cases[] = {
	KUNIT_CASE_SLOW(kmemleak_examples_leak_nothing),
	{}
};

static struct kunit_suite page_migration_kmemleak = {
	.name = "page_migration_kmemleak",
	.test_cases = page_migration_kmemleak_cases,
};

kunit_test_suite(page_migration_kmemleak);

MODULE_DESCRIPTION("kmemleak scan after the page migration examples' tests");
MODULE_LICENSE("GPL");
