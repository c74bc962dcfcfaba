/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pw-bench-caseload"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pw-caseload-view.h"
#include "pw-iso-codes.h"
#include "pw-plan-page.h"
#include "pw-store-private.h"
#include "pw-survivor-list.h"
#include "pw-survivor-row.h"
#include "pw-test-util.h"

/* The caseload at scale: a vault of 10,000 fictional survivors and 300,000
 * plan items (fixed seed), generated once and kept in the build folder.
 * Each measure is the median of many runs, alternating with its floor in
 * the same run:
 *   list        populating the case list (model, rows, first frame)
 *               vs a bare GtkListView of 10,000 strings;
 *   search      each keystroke of searches typed letter by letter
 *               vs a bare indexed SQLite query;
 *   open        one survivor with 100 goals: her record, plan, stages
 *               and milestones (and the Plan tab drawn, for the record)
 *               vs the bare indexed query;
 *   save        one edit of a goal, durable (fsync)
 *               vs the bare query, and a bare durable UPDATE. */

#define N_SURVIVORS   10000
#define N_ITEMS       300000
#define OPEN_ITEMS    100
#define GENERATOR     "caseload-v1"
#define PASSPHRASE    "bench kettle under seven lanterns"

enum { STORE_RUNS = 51, WIDGET_RUNS = 15 };

static const char *aliases[] = {
  "Aster", "Basil", "Clover", "Dahlia", "Elder", "Fennel", "Ginger", "Hazel", "Iris", "Juniper",
  "Kale", "Lark", "Lilac", "Mallow", "Nettle", "Olive", "Poppy", "Quince", "Rosemary", "Sage",
  "Tansy", "Umber", "Violet", "Willow", "Yarrow", "Zinnia", "Sorrel", "Thyme", "Saffron", "Myrtle",
};
static const char *languages[] = { "en", "it", "es", "fr", "bin", "ig", "yo", "pcm", "tw", "ro", "sq", "ar", "ti" };
static const char *countries[] = { "NG", "GH", "RO", "AL", "ER", "CI", "MA", "BR", "CN", "UA" };
static const char *titles[] = {
  "Language course level A2", "Language course level B1", "Semi-independent flat", "Shelter place",
  "Residence permit renewal", "Passport through the embassy", "Tax code", "Health card registration",
  "General practitioner", "Trauma-informed counselling", "Peer group meetings", "Bank account",
  "Budget and savings plan", "Vocational orientation", "Curriculum vitae", "Job interview practice",
  "Internship placement", "Work contract", "Childcare arrangement", "Contact with family at home",
  "Safety plan review", "Legal aid appointment", "Complaint decision", "Literacy classes",
  "Driving licence theory", "Volunteering in the neighbourhood", "Mentor meetings", "Own rental contract",
  "Sexual and reproductive health", "Follow-up check-in",
};
static const char *stages[] = { "detection", "rights", "recovery", "autonomy" };
static const char *statuses[] = { "proposed", "agreed", "in_progress", "achieved", "paused", "dropped" };

static const char *searches[] = {
  /* A worker types a goal, a case code, an alias, a language, a key worker. */
  "l", "la", "lan", "lang", "langu", "langua", "languag", "language", "language c", "language co",
  "g", "ge", "gen", "gen-", "gen-0", "gen-04", "gen-042", "gen-0421",
  "r", "ro", "ros", "rose", "rosem",
  "e", "ed", "edo",
  "w", "wo", "worker", "worker 1", "worker 17",
  "ban", "bank acc", "passp", "xylophone",
};

/* ------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
max_of (GArray *values)
{
  double m = 0;

  for (guint i = 0; i < values->len; i++)
    m = MAX (m, g_array_index (values, double, i));
  return m;
}

/* What the case list's search field hands the model: its words, the
 * first letter included (pw-caseload-view.c). */
static char *
search_words (const char *text)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_auto(GStrv) parts = g_regex_split_simple ("[^[:alnum:]]+", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", parts[i]);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* Wall-clock time, as a person waits; PW_BENCH_CLOCK=cpu measures this
 * thread's CPU time instead, for a machine busy with other work (it leaves
 * out waiting for the disk and for the X server). */
static gboolean use_cpu_clock;
/* PW_BENCH_VERBOSE=1 prints every run of the widgets, with the time its
 * frame was laid out and painted (for profiling). */
static gboolean verbose;

static double
now_ms (void)
{
  if (use_cpu_clock)
    {
      struct timespec ts;

      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
      return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
    }
  return g_get_monotonic_time () / 1000.0;
}

static void
report (const char *what,
        GArray     *measured,
        GArray     *floor,
        const char *floor_name,
        double      target)
{
  double m = median (measured), f = median (floor);
  g_autofree char *verdict = target <= 0 ? g_strdup ("(for the record)")
                                         : g_strdup_printf ("target < %2.0f ms  %s", target,
                                                            m < target ? "PASS" : "MISS");

  g_print ("%-36s %8.2f ms   floor %-20s %8.3f ms   ratio %7.1f   %s\n",
           what, m, floor_name, f, f > 0 ? m / f : 0, verdict);
}

/* ------------------------------------------------------------------------ */
/* The vault                                                                */

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Straight into SQLite in one transaction: the store's own calls would
 * take one durable transaction per record. The full-text rows are built
 * the way the store builds them. */
static void
generate (PwStore    *store,
          PwTemplate *template)
{
  sqlite3 *db = pw_store_get_handle (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260601);
  g_autoptr(GPtrArray) step_ids = g_ptr_array_new ();
  g_autofree int *counts = g_new0 (int, N_SURVIVORS + 1);
  GListModel *stage_list = pw_template_get_stages (template);
  sqlite3_stmt *survivor, *stage, *item, *history, *fts;
  gint64 now = g_get_real_time ();
  int total = 0;

  for (guint s = 0; s < g_list_model_get_n_items (stage_list); s++)
    {
      g_autoptr(PwStage) st = g_list_model_get_item (stage_list, s);
      GListModel *steps = pw_stage_get_steps (st);

      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(PwStep) step = g_list_model_get_item (steps, i);

          g_ptr_array_add (step_ids, (gpointer) pw_step_get_id (step));
        }
    }

  /* Survivor 1 has exactly OPEN_ITEMS goals; the others 0–59, adjusted so
   * that the total is exactly N_ITEMS. */
  counts[1] = OPEN_ITEMS;
  total = OPEN_ITEMS;
  for (int i = 2; i <= N_SURVIVORS; i++)
    total += counts[i] = g_rand_int_range (rand, 0, 60);
  for (int i = 2; total != N_ITEMS; i = i == N_SURVIVORS ? 2 : i + 1)
    if (total < N_ITEMS && counts[i] < 59)
      counts[i]++, total++;
    else if (total > N_ITEMS && counts[i] > 0)
      counts[i]--, total--;

  exec_or_die (db, "BEGIN IMMEDIATE");
  survivor = prepare_or_die (db, "INSERT INTO survivor (id, case_code, alias, birth_year, country, languages, "
                                 "  preferred_language, template_id, key_worker, intake_date, status, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, 'default', ?, ?, ?, ?, ?)");
  stage = prepare_or_die (db, "INSERT INTO stage_state (survivor_id, stage_id, status, since, created_at) "
                              "VALUES (?, ?, ?, ?, ?)");
  item = prepare_or_die (db, "INSERT INTO plan_item (survivor_id, step_id, stage_id, domain, title, her_words, "
                             "  priority, responsible, due_date, status, created_at, updated_at) "
                             "VALUES (?, ?, ?, 'social', ?, ?, ?, ?, ?, ?, ?, ?)");
  history = prepare_or_die (db, "INSERT INTO plan_item_status (plan_item_id, status, changed_on, created_at) "
                                "VALUES (last_insert_rowid (), ?, '2025-01-01', ?)");

  for (int i = 1; i <= N_SURVIVORS; i++)
    {
      g_autofree char *code = g_strdup_printf ("GEN-%05d", i);
      g_autofree char *alias = g_strdup_printf ("Example %s", aliases[g_rand_int_range (rand, 0, G_N_ELEMENTS (aliases))]);
      g_autofree char *langs = g_strdup_printf ("%s %s", languages[g_rand_int_range (rand, 0, 4)],
                                                languages[g_rand_int_range (rand, 4, G_N_ELEMENTS (languages))]);
      g_autofree char *worker = g_strdup_printf ("Worker %02d", g_rand_int_range (rand, 1, 41));
      g_autofree char *intake = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 19, 26),
                                                 g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      int n_stages = g_rand_int_range (rand, 0, 4);
      int status = g_rand_int_range (rand, 0, 10);

      sqlite3_bind_int (survivor, 1, i);
      sqlite3_bind_text (survivor, 2, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (survivor, 3, alias, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (survivor, 4, g_rand_int_range (rand, 1970, 2006));
      sqlite3_bind_text (survivor, 5, countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))], -1, SQLITE_STATIC);
      sqlite3_bind_text (survivor, 6, langs, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (survivor, 7, languages[g_rand_int_range (rand, 0, 4)], -1, SQLITE_STATIC);
      sqlite3_bind_text (survivor, 8, worker, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (survivor, 9, intake, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (survivor, 10, status < 7 ? "active" : status < 8 ? "paused" : "closed", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (survivor, 11, now - g_rand_int_range (rand, 0, 700) * G_TIME_SPAN_DAY);
      sqlite3_bind_int64 (survivor, 12, now - g_rand_int_range (rand, 0, 300) * G_TIME_SPAN_DAY);
      step_or_die (db, survivor);

      for (int s = 0; s <= n_stages; s++)
        {
          sqlite3_bind_int (stage, 1, i);
          sqlite3_bind_text (stage, 2, stages[s], -1, SQLITE_STATIC);
          sqlite3_bind_text (stage, 3, s < n_stages ? "completed" : "current", -1, SQLITE_STATIC);
          sqlite3_bind_text (stage, 4, intake, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stage, 5, now);
          step_or_die (db, stage);
        }

      for (int k = 0; k < counts[i]; k++)
        {
          const char *step = g_ptr_array_index (step_ids, g_rand_int_range (rand, 0, step_ids->len));
          const char *st = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
          g_autofree char *stage_id = g_strndup (step, strchr (step, '.') - step);
          g_autofree char *words = g_strdup_printf ("Example words %d of goal %d", i, k);
          g_autofree char *due = date_from_today (g_rand_int_range (rand, -60, 120));

          sqlite3_bind_int (item, 1, i);
          sqlite3_bind_text (item, 2, step, -1, SQLITE_STATIC);
          sqlite3_bind_text (item, 3, stage_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (item, 4, titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))], -1, SQLITE_STATIC);
          sqlite3_bind_text (item, 5, words, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (item, 6, k + 1);
          sqlite3_bind_text (item, 7, worker, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (item, 8, due, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (item, 9, st, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (item, 10, now - g_rand_int_range (rand, 0, 300) * G_TIME_SPAN_DAY);
          sqlite3_bind_int64 (item, 11, now - g_rand_int_range (rand, 0, 120) * G_TIME_SPAN_DAY);
          step_or_die (db, item);
          sqlite3_bind_text (history, 1, st, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (history, 2, now);
          step_or_die (db, history);
        }
    }
  sqlite3_finalize (survivor);
  sqlite3_finalize (stage);
  sqlite3_finalize (item);
  sqlite3_finalize (history);

  fts = prepare_or_die (db, "INSERT INTO survivor_fts (docid, case_code, alias, languages, key_worker, plan_titles) "
                            "SELECT id, case_code, coalesce (alias, ''), ?2, coalesce (key_worker, ''), "
                            "  coalesce ((SELECT group_concat (title, ' ') FROM plan_item WHERE survivor_id = ?1), '') "
                            "FROM survivor WHERE id = ?1");
  for (int i = 1; i <= N_SURVIVORS; i++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      sqlite3_stmt *langs = prepare_or_die (db, "SELECT languages FROM survivor WHERE id = ?");
      g_auto(GStrv) codes = NULL;

      sqlite3_bind_int (langs, 1, i);
      sqlite3_step (langs);
      codes = g_strsplit ((const char *) sqlite3_column_text (langs, 0), " ", -1);
      sqlite3_finalize (langs);
      for (guint c = 0; codes[c] != NULL; c++)
        {
          g_autofree char *text = pw_iso_codes_dup_search_text (pw_iso_codes_get_default (), PW_ISO_LANGUAGE, codes[c]);

          g_string_append_printf (names, "%s ", text);
        }
      sqlite3_bind_int (fts, 1, i);
      sqlite3_bind_text (fts, 2, names->str, -1, SQLITE_TRANSIENT);
      step_or_die (db, fts);
    }
  sqlite3_finalize (fts);
  exec_or_die (db, "COMMIT");
  exec_or_die (db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static PwVault *
open_vault (const char *dir,
            PwTemplate *template)
{
  g_autofree char *marker = g_build_filename (dir, GENERATOR, NULL);
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  if (g_file_test (marker, G_FILE_TEST_EXISTS))
    {
      vault = pw_vault_new (dir);
      if (pw_vault_unlock (vault, PASSPHRASE, &error))
        {
          g_print ("Vault: %s (cached; delete the folder to generate it again)\n", dir);
          return g_steal_pointer (&vault);
        }
      g_print ("The cached vault does not open (%s): generating it again\n", error->message);
      g_clear_error (&error);
      g_clear_object (&vault);
    }

  /* A fresh folder: the vault refuses to overwrite one. */
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    int rc = system (cmd);

    (void) rc;
  }
  g_mkdir_with_parents (dir, 0700);
  vault = pw_vault_new (dir);
  g_free (pw_vault_create (vault, "Bench", PASSPHRASE, pw_kdf_cost_fast (), &error));
  g_assert_no_error (error);
  g_print ("Generating %d survivors and %d plan items…\n", N_SURVIVORS, N_ITEMS);
  generate (pw_vault_get_store (vault), template);
  g_file_set_contents (marker, "", 0, NULL);
  g_print ("Generated in %.1f s: %s\n", (now_ms () - start) / 1000, dir);
  return g_steal_pointer (&vault);
}

/* ------------------------------------------------------------------------ */
/* Floors                                                                   */

static double
bare_query (sqlite3 *db,
            gint64   survivor_id)
{
  static sqlite3_stmt *stmt;
  double start = now_ms ();
  int rows = 0;

  if (stmt == NULL)
    stmt = prepare_or_die (db, "SELECT id, title, her_words, status, due_date FROM plan_item "
                               "WHERE survivor_id = ? ORDER BY priority");
  sqlite3_bind_int64 (stmt, 1, survivor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rows += sqlite3_column_bytes (stmt, 1) > 0;
  sqlite3_reset (stmt);
  g_assert_cmpint (rows, >, 0);
  return now_ms () - start;
}

static double
bare_durable_update (sqlite3 *db,
                     gint64   item_id,
                     int      run)
{
  static sqlite3_stmt *stmt;
  double start = now_ms ();

  if (stmt == NULL)
    stmt = prepare_or_die (db, "UPDATE plan_item SET notes = ? WHERE id = ?");
  exec_or_die (db, "BEGIN IMMEDIATE");
  sqlite3_bind_int (stmt, 1, run);
  sqlite3_bind_int64 (stmt, 2, item_id);
  step_or_die (db, stmt);
  exec_or_die (db, "COMMIT");
  return now_ms () - start;
}

/* ------------------------------------------------------------------------ */
/* Widgets                                                                  */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* When the frame that shows a run was laid out and painted, for
 * PW_BENCH_VERBOSE: GTK's own handlers of the frame clock run first. */
typedef struct
{
  GdkFrameClock *clock;
  gulong         ids[2];
  double         start;
  double         made;    /* the widgets made and bound */
  double         laid;    /* the end of the layout phase */
  double         painted; /* the end of the paint phase */
} FrameWatch;

static void
on_layout (GdkFrameClock *clock,
           FrameWatch    *watch)
{
  watch->laid = now_ms () - watch->start;
}

static void
on_paint (GdkFrameClock *clock,
          FrameWatch    *watch)
{
  watch->painted = now_ms () - watch->start;
}

static void
watch_frame (FrameWatch *watch,
             GtkWidget  *widget,
             double      start)
{
  *watch = (FrameWatch) { .start = start };
  watch->clock = gdk_surface_get_frame_clock (gtk_native_get_surface (gtk_widget_get_native (widget)));
  watch->ids[0] = g_signal_connect (watch->clock, "layout", G_CALLBACK (on_layout), watch);
  watch->ids[1] = g_signal_connect (watch->clock, "paint", G_CALLBACK (on_paint), watch);
}

static void
unwatch_frame (FrameWatch *watch,
               const char *what,
               double      total)
{
  g_signal_handler_disconnect (watch->clock, watch->ids[0]);
  g_signal_handler_disconnect (watch->clock, watch->ids[1]);
  if (verbose)
    g_print ("  %-12s %7.2f ms: made and bound by %.2f, laid out by %.2f, painted by %.2f\n",
             what, total, watch->made, watch->laid, watch->painted);
}

static double
show_and_wait (GtkWindow  *window,
               GtkWidget  *child,
               double      start,
               const char *what)
{
  FrameWatch watch;
  double total;

  watch_frame (&watch, GTK_WIDGET (window), start);
  gtk_window_set_child (window, child);
  watch.made = now_ms () - start;
  pw_test_wait_for_frame (child);
  total = now_ms () - start;
  unwatch_frame (&watch, what, total);
  return total;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PwSession                *session)
{
  gtk_list_item_set_child (item, GTK_WIDGET (pw_survivor_row_new (session)));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  pw_survivor_row_set_survivor (PW_SURVIVOR_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static GtkListView *
list_window (GtkListItemFactory *factory)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_list_view_new (NULL, factory);

  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 320, 900);
  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  return GTK_LIST_VIEW (view);
}

/* A new model in a list view, up to the frame that shows it. */
static double
populate (GtkListView *view,
          GListModel  *model,
          double       start,
          const char  *what)
{
  FrameWatch watch;
  double total;

  watch_frame (&watch, GTK_WIDGET (view), start);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (gtk_single_selection_new (model)));
  watch.made = now_ms () - start;
  pw_test_wait_for_frame (GTK_WIDGET (view));
  total = now_ms () - start;
  unwatch_frame (&watch, what, total);
  return total;
}

static double
bare_list (GtkListView        *view,
           const char * const *strings)
{
  double start = now_ms ();

  return populate (view, G_LIST_MODEL (gtk_string_list_new (strings)), start, "bare list");
}

static double
survivor_list (GtkListView *view,
               PwStore     *store)
{
  double start = now_ms ();
  GListModel *model = pw_store_get_survivors (store);

  return populate (view, model, start, "case list");
}

static double
case_list (GtkWindow *window,
           PwSession *session)
{
  double start = now_ms ();
  GtkWidget *view = g_object_new (PW_TYPE_CASELOAD_VIEW, NULL);

  pw_caseload_view_set_session (PW_CASELOAD_VIEW (view), session);
  return show_and_wait (window, view, start, "sidebar");
}

static double
plan_page (GtkWindow *window,
           PwSession *session,
           PwStore   *store)
{
  double start = now_ms ();
  GtkWidget *page = g_object_new (PW_TYPE_PLAN_PAGE, NULL);
  g_autoptr(PwSurvivor) survivor = pw_store_get_survivor (store, 1, NULL);

  pw_plan_page_set_session (PW_PLAN_PAGE (page), session);
  pw_plan_page_set_survivor (PW_PLAN_PAGE (page), survivor);
  return show_and_wait (window, page, start, "Plan tab");
}

/* ------------------------------------------------------------------------ */

static double
open_survivor (PwStore *store)
{
  double start = now_ms ();
  g_autoptr(PwSurvivor) survivor = pw_store_get_survivor (store, 1, NULL);
  g_autoptr(GListModel) items = pw_store_get_plan_items (store, 1);
  g_autoptr(GPtrArray) states = pw_store_list_stage_states (store, 1, NULL);
  g_autoptr(GPtrArray) milestones = pw_store_list_milestones (store, 1, NULL);
  double elapsed = now_ms () - start;

  g_assert_nonnull (survivor);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, OPEN_ITEMS);
  g_assert_nonnull (states);
  g_assert_nonnull (milestones);
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PwTemplateRegistry) registry = NULL;
  g_autoptr(PwVault) vault = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PwSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) c = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PwSurvivorList) list = NULL;
  g_autoptr(PwPlanItem) live = NULL;
  g_autofree char *dir = NULL;
  PwTemplate *template;
  const char *only;
  PwStore *store;
  GtkWindow *window;
  sqlite3 *db;
  gint64 edit_id;
  double value;

  pw_test_init_gtk (&argc, &argv);
  use_cpu_clock = g_strcmp0 (g_getenv ("PW_BENCH_CLOCK"), "cpu") == 0;
  verbose = g_getenv ("PW_BENCH_VERBOSE") != NULL;
  {
    /* The application's style sheet, as PwApplication gets it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/pathwaytool/Pathway/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  registry = pw_template_registry_new ();
  g_assert_true (pw_template_registry_add_shipped (registry, &error));
  template = pw_template_registry_lookup (registry, "default", &error);
  g_assert_no_error (error);

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "bench-caseload-vault", NULL);
  vault = open_vault (dir, template);
  settings = g_settings_new (BASE_ID);
  session = pw_session_new (vault, settings);
  g_assert_cmpint (pw_session_get_state (session), ==, PW_SESSION_UNLOCKED);
  store = pw_session_get_store (session);
  db = pw_store_get_handle (store);

  g_print ("%d survivors, %d plan items; medians of %d runs (%d for widgets); %s time\n\n",
           N_SURVIVORS, N_ITEMS, STORE_RUNS, WIDGET_RUNS,
           use_cpu_clock ? "this thread's CPU" : "wall-clock");

  /* PW_BENCH_ONLY=widgets skips to the widgets, =list and =plan to one of
   * them (for profiling). */
  only = g_getenv ("PW_BENCH_ONLY");
  if (only != NULL && *only != '\0')
    goto widgets;

  /* Search as you type: every keystroke is a new query on the same list. */
  list = PW_SURVIVOR_LIST (pw_store_get_survivors (store));
  for (guint run = 0; run < 5; run++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        double start = now_ms ();

        g_autofree char *words = search_words (searches[i]);

        pw_survivor_list_set_search_text (list, words);
        /* The rows a list view shows at once. */
        for (guint r = 0; r < MIN (20u, g_list_model_get_n_items (G_LIST_MODEL (list))); r++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), r));
        value = now_ms () - start;
        g_array_append_val (a, value);
        /* The first letter matches thousands: measured on its own too. */
        if (strlen (searches[i]) == 1)
          g_array_append_val (c, value);
        value = bare_query (db, 1 + (i * 97) % N_SURVIVORS);
        g_array_append_val (b, value);
      }
  report ("search, per keystroke", a, b, "bare indexed query", 5);
  g_print ("%-36s %8.2f ms   (the slowest keystroke of %u)\n", "search, worst keystroke",
           max_of (a), a->len);
  g_print ("%-36s %8.2f ms   (median; the slowest %.2f ms, of %u)\n", "search, first letter",
           median (c), max_of (c), c->len);
  g_array_set_size (a, 0);
  g_array_set_size (b, 0);
  g_array_set_size (c, 0);
  pw_survivor_list_set_search_text (list, NULL);

  for (guint run = 0; run < STORE_RUNS; run++)
    {
      value = open_survivor (store);
      g_array_append_val (a, value);
      value = bare_query (db, 1);
      g_array_append_val (b, value);
    }
  report ("open a survivor with 100 goals", a, b, "bare indexed query", 30);
  g_array_set_size (a, 0);
  g_array_set_size (b, 0);

  /* One edit of a goal, as the editor saves it: durable on return. */
  {
    g_autoptr(GPtrArray) items = pw_store_load_plan_items (store, 1, &error);

    g_assert_no_error (error);
    live = g_object_ref (g_ptr_array_index (items, 10));
    edit_id = pw_plan_item_get_id (live);
  }
  for (guint run = 0; run < STORE_RUNS; run++)
    {
      g_autoptr(PwPlanItem) edit = pw_plan_item_copy (live);
      g_autofree char *title = g_strdup_printf ("Language course level A2, group %u", run);
      double start = now_ms ();

      pw_plan_item_set_title (edit, title);
      if (!pw_store_update_plan_item (store, edit, &error))
        g_error ("%s", error->message);
      value = now_ms () - start;
      g_array_append_val (a, value);
      value = bare_query (db, 1);
      g_array_append_val (b, value);
      value = bare_durable_update (db, edit_id, run);
      g_array_append_val (c, value);
    }
  report ("save one edit (durable)", a, b, "bare indexed query", 10);
  report ("save one edit (durable)", a, c, "bare durable UPDATE", 10);
  g_array_set_size (a, 0);
  g_array_set_size (b, 0);

widgets:
  if (g_strcmp0 (only, "plan") == 0)
    goto plan;
  /* Widgets: each list view gets a new model of 10,000 each run. */
  for (guint i = 0; i < N_SURVIVORS; i++)
    g_ptr_array_add (strings, g_strdup_printf ("GEN-%05u", i + 1));
  g_ptr_array_add (strings, NULL);
  {
    g_autoptr(GtkListItemFactory) rows = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkListItemFactory) labels = gtk_signal_list_item_factory_new ();
    GtkListView *case_view, *bare_view;

    g_signal_connect (rows, "setup", G_CALLBACK (setup_row), session);
    g_signal_connect (rows, "bind", G_CALLBACK (bind_row), NULL);
    g_signal_connect (labels, "setup", G_CALLBACK (setup_label), NULL);
    g_signal_connect (labels, "bind", G_CALLBACK (bind_label), NULL);
    case_view = list_window (g_object_ref (rows));
    bare_view = list_window (g_object_ref (labels));
    for (guint run = 0; run < WIDGET_RUNS + 2; run++)
      {
        double list_ms = survivor_list (case_view, store);
        double floor_ms = bare_list (bare_view, (const char * const *) strings->pdata);

        /* The first runs warm the caches (fonts, CSS) for both. */
        if (run < 2)
          continue;
        g_array_append_val (a, list_ms);
        g_array_append_val (b, floor_ms);
      }
    report ("case list of 10,000, populated", a, b, "bare GtkListView", 50);
    g_array_set_size (a, 0);
    g_array_set_size (b, 0);
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (case_view))));
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (bare_view))));
  }

  if (g_strcmp0 (only, "list") == 0)
    return 0;

plan:
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 400, 900);
  gtk_window_present (window);
  pw_test_wait_for_frame (GTK_WIDGET (window));
  for (guint run = 0; run < WIDGET_RUNS + 2 && g_strcmp0 (only, "plan") != 0; run++)
    {
      double list_ms = case_list (window, session);

      if (run < 2)
        continue;
      g_array_append_val (a, list_ms);
      value = bare_query (db, 1);
      g_array_append_val (b, value);
    }
  if (a->len > 0)
    report ("whole sidebar built, first frame", a, b, "bare indexed query", 0);
  g_array_set_size (a, 0);
  g_array_set_size (b, 0);

  gtk_window_set_default_size (window, 1000, 900);
  for (guint run = 0; run < WIDGET_RUNS + 2; run++)
    {
      double page_ms = plan_page (window, session, store);
      double floor_ms = bare_query (db, 1);

      if (run < 2)
        continue;
      g_array_append_val (a, page_ms);
      g_array_append_val (b, floor_ms);
    }
  report ("Plan tab of 100 goals, first frame", a, b, "bare indexed query", 0);

  gtk_window_destroy (window);
  return 0;
}
