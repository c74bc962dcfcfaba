/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-test-store-crash"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pw-store-private.h"

/* A child writes transactions through the store and reports each one on
 * stdout only after the call returned; the parent kills it with SIGKILL at
 * random moments, then checks that the vault opens, is intact, and holds
 * every reported change. */

#define N_KILLS 200
#define MAX_DELAY_MS 90

static guint8 test_key[PW_STORE_KEY_SIZE];

static void
report (const char *line)
{
  gsize len = strlen (line);

  /* One write of less than PIPE_BUF bytes: the parent never sees half. */
  if (write (STDOUT_FILENO, line, len) != (gssize) len)
    _exit (3);
}

static int
child_main (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (path, test_key, PW_STORE_OPEN_CREATE, &error);
  guint n = 0;

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 2;
    }
  pw_store_set_actor (store, "crash-child");

  for (;;)
    {
      g_autoptr(PwSurvivor) s = pw_survivor_new ();
      g_autoptr(PwPlanItem) item = pw_plan_item_new ();
      g_autofree char *code = g_strdup_printf ("CRASH-%d-%u", (int) getpid (), n++);
      g_autofree char *line = NULL;
      g_autofree char *alias = NULL;
      gint64 sid, pid;

      pw_survivor_set_case_code (s, code);
      pw_survivor_set_alias (s, "Example Crash");
      sid = pw_store_add_survivor (store, s, &error);
      if (sid == 0)
        {
          g_printerr ("child: %s\n", error->message);
          return 2;
        }
      line = g_strdup_printf ("s %" G_GINT64_FORMAT "\n", sid);
      report (line);

      pw_plan_item_set_survivor_id (item, sid);
      pw_plan_item_set_title (item, "Example crash-test goal");
      pid = pw_store_add_plan_item (store, item, &error);
      if (pid == 0)
        return 2;
      g_free (line);
      line = g_strdup_printf ("p %" G_GINT64_FORMAT "\n", pid);
      report (line);

      /* An update of an older record: the value must never go back. */
      alias = g_strdup_printf ("%u", n);
      pw_survivor_set_alias (s, alias);
      if (!pw_store_update_survivor (store, s, &error))
        return 2;
      g_free (line);
      line = g_strdup_printf ("u %" G_GINT64_FORMAT " %u\n", sid, n);
      report (line);

      if (!pw_store_set_plan_item_status (store, pid, PW_PLAN_ITEM_STATUS_AGREED, NULL, &error))
        return 2;
      g_free (line);
      line = g_strdup_printf ("h %" G_GINT64_FORMAT "\n", pid);
      report (line);
    }

  return 0;
}

typedef struct
{
  GArray     *survivors;   /* gint64 */
  GArray     *items;       /* gint64 */
  GArray     *histories;   /* gint64: plan items with a reported status change */
  GHashTable *alias;       /* survivor id → last reported counter */
  GString    *partial;
} Reported;

static void
parse_lines (Reported   *r,
             const char *data,
             gsize       len)
{
  char *nl;

  g_string_append_len (r->partial, data, len);
  while ((nl = strchr (r->partial->str, '\n')) != NULL)
    {
      gint64 id = 0;
      guint counter = 0;
      char kind = 0;

      *nl = '\0';
      if (sscanf (r->partial->str, "%c %" G_GINT64_FORMAT " %u", &kind, &id, &counter) >= 2)
        {
          if (kind == 's')
            g_array_append_val (r->survivors, id);
          else if (kind == 'p')
            g_array_append_val (r->items, id);
          else if (kind == 'h')
            g_array_append_val (r->histories, id);
          else if (kind == 'u')
            g_hash_table_insert (r->alias, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (counter));
        }
      g_string_erase (r->partial, 0, nl - r->partial->str + 1);
    }
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      bind)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, bind);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
verify (const char *path,
        Reported   *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (path, test_key, PW_STORE_OPEN_DEFAULT, &error);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  db = pw_store_get_handle (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_key_check", 0), ==, -1);

  for (guint i = 0; i < r->survivors->len; i++)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM survivor WHERE id = ?",
                                g_array_index (r->survivors, gint64, i)), ==, 1);
  for (guint i = 0; i < r->items->len; i++)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM plan_item WHERE id = ?",
                                g_array_index (r->items, gint64, i)), ==, 1);
  for (guint i = 0; i < r->histories->len; i++)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM plan_item_status WHERE plan_item_id = ?",
                                g_array_index (r->histories, gint64, i)), ==, 2);

  g_hash_table_iter_init (&iter, r->alias);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpint (query_int (db, "SELECT CAST (alias AS INTEGER) FROM survivor WHERE id = ?",
                                *(gint64 *) key), >=, GPOINTER_TO_UINT (value));

  /* Every committed write has its audit row, and the index matches. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM survivor s WHERE NOT EXISTS "
                                  "(SELECT 1 FROM audit_log a WHERE a.kind = 'survivor' "
                                  " AND a.record_id = s.id AND a.action = 'create')", 0), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT (SELECT count(*) FROM survivor) - "
                                  "(SELECT count(*) FROM survivor_fts)", 0), ==, 0);
}

static void
test_crash_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7431);
  g_autoptr(GTimer) timer = g_timer_new ();
  Reported r = { 0 };
  guint kills = 0, mid_write = 0;

  g_assert_no_error (error);
  g_assert_nonnull (self_exe);
  path = g_build_filename (dir, "vault.db", NULL);

  r.survivors = g_array_new (FALSE, FALSE, sizeof (gint64));
  r.items = g_array_new (FALSE, FALSE, sizeof (gint64));
  r.histories = g_array_new (FALSE, FALSE, sizeof (gint64));
  r.alias = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  r.partial = g_string_new (NULL);

  for (guint round = 0; round < N_KILLS; round++)
    {
      const char *argv[] = { self_exe, "--child", path, NULL };
      guint delay_ms = g_rand_int_range (rand, 1, MAX_DELAY_MS);
      gint64 deadline;
      GPid pid;
      int out_fd, status;
      guint before = r.survivors->len;
      gboolean armed;
      char buf[4096];
      gssize n;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);

      /* The random moment counts from the child's first acknowledged commit:
       * on a loaded machine its start-up alone can outlast the delay. */
      deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      armed = FALSE;
      for (;;)
        {
          struct pollfd pfd = { out_fd, POLLIN, 0 };
          gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

          if (left <= 0)
            break;
          if (poll (&pfd, 1, left) > 0)
            {
              n = read (out_fd, buf, sizeof buf);
              if (n > 0)
                {
                  parse_lines (&r, buf, n);
                  if (!armed)
                    {
                      armed = TRUE;
                      deadline = g_get_monotonic_time () + delay_ms * 1000;
                    }
                }
              else if (n == 0)
                break;  /* the child ended by itself: a failure, seen below */
            }
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      kills++;

      /* What the child reported before it died is acknowledged too. */
      g_unix_set_fd_nonblocking (out_fd, FALSE, NULL);
      while ((n = read (out_fd, buf, sizeof buf)) > 0)
        parse_lines (&r, buf, n);
      close (out_fd);
      if (r.survivors->len > before)
        mid_write++;

      verify (path, &r);
    }

  g_test_message ("crash test: %u SIGKILLs (%u after at least one commit), %u survivors, "
                  "%u plan items acknowledged and found, in %.1f s",
                  kills, mid_write, r.survivors->len, r.items->len,
                  g_timer_elapsed (timer, NULL));
  g_print ("# crash test: %u kills, %u acknowledged survivors and %u plan items all present, "
           "integrity ok every time\n", kills, r.survivors->len, r.items->len);
  g_assert_cmpuint (kills, >=, 100);
  /* The random moments must have landed in the middle of writing. */
  g_assert_cmpuint (mid_write, >=, N_KILLS / 2);

  g_array_unref (r.survivors);
  g_array_unref (r.items);
  g_array_unref (r.histories);
  g_hash_table_unref (r.alias);
  g_string_free (r.partial, TRUE);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  for (guint i = 0; i < PW_STORE_KEY_SIZE; i++)
    test_key[i] = i;

  if (argc == 3 && g_strcmp0 (argv[1], "--child") == 0)
    return child_main (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/crash/sigkill", test_crash_sigkill);
  return g_test_run ();
}
