/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helper of the concurrent cases: kernel threads that race each
 * other, one per CPU while there are CPUs enough, bounded in rounds by
 * their own loops and in time by a deadline.
 *
 * The threads start together and stop together: when one of them returns,
 * race_stopped() becomes true for the others.  A thread that does not
 * return within RACE_TIMEOUT fails the case; its memory is then left
 * allocated, since the thread may still use it.
 */
#ifndef _RACE_FIXTURE_H
#define _RACE_FIXTURE_H

#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>

#define RACE_MAX_THREADS	4
/* How long the loops run at most, and how long a stuck thread may take. */
#define RACE_DURATION		(2 * HZ)
#define RACE_TIMEOUT		(30 * HZ)

struct race;

/**
 * typedef race_fn - the loop of one thread
 * @race: the race, with the case's data in @race->data
 * @id: index of the thread, 0 to @race->nr_threads - 1
 */
typedef void (*race_fn)(struct race *race, unsigned int id);

struct race_thread {
	struct race *race;
	unsigned int id;
};

/**
 * struct race - threads that run against each other
 * @data: the case's shared state
 * @fn: the loop of each thread
 * @nr_threads: number of threads
 * @deadline: jiffies after which race_stopped() is true
 * @stop: set when the first thread returns
 * @ready: threads that have started, for the common start
 * @done: completed once by every thread that returns
 * @threads: the arguments of the threads
 */
struct race {
	void *data;
	race_fn fn[RACE_MAX_THREADS];
	unsigned int nr_threads;
	unsigned long deadline;
	atomic_t stop;
	atomic_t ready;
	struct completion done;
	struct race_thread threads[RACE_MAX_THREADS];
};

/* Should the loops end?  Every loop of a race asks before each round. */
static inline bool race_stopped(struct race *race)
{
	return atomic_read(&race->stop) || time_after(jiffies, race->deadline);
}

static int race_thread_main(void *arg)
{
	struct race_thread *t = arg;
	struct race *race = t->race;

	atomic_inc(&race->ready);
	while (atomic_read(&race->ready) < race->nr_threads)
		cond_resched();
	race->fn[t->id](race, t->id);
	atomic_set(&race->stop, 1);
	kthread_complete_and_exit(&race->done, 0);
}

/**
 * race_alloc() - a race of @nr_threads threads over @data
 * @test: the case
 * @data: shared state, handed to every loop
 * @nr_threads: number of threads, at most RACE_MAX_THREADS
 *
 * Return: the race; fill in @fn, then race_run().  Not freed with the
 * case: race_run() frees it once every thread is gone.
 */
static inline struct race *race_alloc(struct kunit *test, void *data,
				      unsigned int nr_threads)
{
	struct race *race;

	KUNIT_ASSERT_LE(test, nr_threads, RACE_MAX_THREADS);
	race = kzalloc_obj(*race);
	KUNIT_ASSERT_NOT_NULL(test, race);
	race->data = data;
	race->nr_threads = nr_threads;
	init_completion(&race->done);
	return race;
}

/**
 * race_run() - start the threads and wait for all of them
 * @test: the case
 * @race: from race_alloc(), with every @fn set
 *
 * Thread i runs on the i-th online CPU, modulo their number.
 *
 * Return: true if every thread returned in time; otherwise the case has
 * failed, and @race and the data it points to must stay allocated.
 */
static inline bool race_run(struct kunit *test, struct race *race)
{
	unsigned int i, started = 0, cpus = num_online_cpus();
	unsigned int wanted = race->nr_threads;
	bool finished = true;

	race->deadline = jiffies + RACE_DURATION;
	for (i = 0; i < race->nr_threads; i++) {
		struct task_struct *task;

		race->threads[i] = (struct race_thread){ .race = race, .id = i };
		task = kthread_create(race_thread_main, &race->threads[i],
				      "race/%u", i);
		if (IS_ERR(task))
			break;
		kthread_bind(task, cpumask_nth(i % cpus, cpu_online_mask));
		wake_up_process(task);
		started++;
	}
	if (started < wanted) {
		/* Those started wait for the others: let them go and end. */
		atomic_set(&race->stop, 1);
		atomic_add(wanted - started, &race->ready);
		KUNIT_FAIL(test, "could not start thread %u", started);
	}
	for (i = 0; i < started; i++) {
		if (!wait_for_completion_timeout(&race->done, RACE_TIMEOUT)) {
			KUNIT_FAIL(test, "%u of %u threads still running after %us",
				   started - i, started, RACE_TIMEOUT / HZ);
			finished = false;
			break;
		}
	}
	kunit_info(test, "%u threads on %u CPUs\n", started, cpus);
	if (finished)
		kfree(race);
	return finished && started == wanted;
}

#endif /* _RACE_FIXTURE_H */
