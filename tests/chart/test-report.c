/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE
#include "accord-report.h"

#include "accord-demo.h"
#include "accord-validate.h"

#include <glib/gstdio.h>
#include <string.h>

/* The PDF reports: real files from real, temporary workspaces, read back
 * as bytes (magic, page objects) and drawn into image surfaces. */

typedef struct
{
  char        *dir;
  AccordStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("accord-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workspace.accord", NULL);
  fixture->store = accord_store_open (path, ACCORD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  accord_store_set_today (fixture->store, "2026-11-21");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The number of page objects: "/Type /Page" not followed by "s". */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  const char *needle = "/Type /Page";
  guint n = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 5);
  g_assert_cmpint (memcmp (data, "%PDF-", 5), ==, 0);
  /* memmem, not g_strstr_len: compressed streams hold NUL bytes. */
  for (const char *p = data; (p = memmem (p, length - (p - data), needle, strlen (needle))) != NULL;
       p += strlen (needle))
    if (p[strlen (needle)] != 's')
      n++;
  return n;
}

static char *
write_report (Fixture      *fixture,
              AccordReport *report,
              const char   *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (accord_report_write_pdf (report, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_portfolio (Fixture       *fixture,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordReport) report = NULL;
  g_autofree char *path = NULL;
  guint n_pages;

  g_assert_true (accord_demo_fill (fixture->store, 60, 1, NULL, &error));
  g_assert_no_error (error);

  report = accord_report_new_portfolio (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (accord_report_get_title (report), ==, "Portfolio report");

  n_pages = accord_report_get_n_pages (report, ACCORD_REPORT_A4_WIDTH, ACCORD_REPORT_A4_HEIGHT);
  /* A title page, the dashboard, the chart, the table, what is due. */
  g_assert_cmpuint (n_pages, >=, 5);
  path = write_report (fixture, report, "portfolio.pdf");
  g_assert_cmpuint (count_pdf_pages (path), ==, n_pages);

  /* A smaller page takes more pages; the same size asked again, the same. */
  g_assert_cmpuint (accord_report_get_n_pages (report, 420, 595), >, n_pages);
  g_assert_cmpuint (accord_report_get_n_pages (report, ACCORD_REPORT_A4_WIDTH,
                                               ACCORD_REPORT_A4_HEIGHT), ==, n_pages);
}

static void
test_empty_workspace (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordReport) report = accord_report_new_portfolio (fixture->store, &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = write_report (fixture, report, "empty.pdf");
  g_assert_cmpuint (count_pdf_pages (path), >=, 3);
}

/* 10,000 partners; fewer in a sanitizer build, where the same work is
 * many times slower and proves nothing more. */
#if defined(__SANITIZE_ADDRESS__)
#define N_LARGE 2000u
#else
#define N_LARGE 10000u
#endif

static void
test_large_portfolio (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordReport) report = NULL;
  g_autofree char *path = NULL;
  gint64 start;
  double seconds;
  guint n_pages;

  g_assert_true (accord_demo_fill (fixture->store, N_LARGE, 7, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_store_get_partners (fixture->store)), ==,
                    N_LARGE);

  start = g_get_monotonic_time ();
  report = accord_report_new_portfolio (fixture->store, &error);
  g_assert_no_error (error);
  path = write_report (fixture, report, "large.pdf");
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%u partners: %.2f s", N_LARGE, seconds);

  n_pages = count_pdf_pages (path);
  g_assert_cmpuint (n_pages, ==,
                    accord_report_get_n_pages (report, ACCORD_REPORT_A4_WIDTH,
                                               ACCORD_REPORT_A4_HEIGHT));
  /* One row per partner at no more than 80 rows a page. */
  g_assert_cmpuint (n_pages, >=, N_LARGE / 80);
  g_assert_cmpuint (n_pages, <, 1000);
  /* The time is reported, never judged here: speed has its benchmark. */
}

static AccordPartner *
add_partner (AccordStore *store,
             const char  *name)
{
  g_autoptr(AccordPartner) partner = accord_partner_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_add_partner (store, partner, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&partner);
}

static void
set_field (AccordStore        *store,
           AccordPartner      *partner,
           AccordPartnerField  field,
           const char         *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_store_set_partner_field (store, partner, field, text, &error));
  g_assert_no_error (error);
}

/* Whether the image has ink (anything not white) in the rectangle. */
static gboolean
has_ink (cairo_surface_t *surface,
         int              x0,
         int              y0,
         int              x1,
         int              y1)
{
  unsigned char *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);

        if ((pixel & 0xffffff) != 0xffffff)
          return TRUE;
      }
  return FALSE;
}

static void
test_partner_one_page (Fixture       *fixture,
                       gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPartner) partner = add_partner (fixture->store, "Northwind Traders");
  g_autoptr(AccordAgreement) agreement = NULL;
  g_autoptr(AccordReport) report = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* Everything as long as it gets: it must still fit on one page. */
  while (long_text->len < ACCORD_MAX_TEXT_LENGTH - 60)
    g_string_append (long_text, "A very long description of what this partner does. ");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_DESCRIPTION, long_text->str);
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_WHY_FIT, long_text->str);
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_WEBSITE, "https://northwind.example");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_TAGS,
             "retail, europe, newsletter, events, wholesale, online, print, radio");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT, "5");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_VALUE_EXCHANGE, "4");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_REACH, "4");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_OPERATIONAL_FIT, "3");
  set_field (fixture->store, partner, ACCORD_PARTNER_FIELD_READINESS, "5");

  agreement = accord_agreement_new (accord_partner_get_id (partner));
  g_free (agreement->title);
  agreement->title = g_strdup ("Reseller agreement");
  agreement->status = ACCORD_AGREEMENT_ACTIVE;
  agreement->start = g_strdup ("2026-01-01");
  agreement->term_months = 12;
  agreement->notice_days = 30;
  agreement->renewal = ACCORD_RENEWAL_AUTOMATIC;
  agreement->review_cadence = ACCORD_CADENCE_QUARTERLY;
  agreement->termination_notice_days = 60;
  agreement->revenue_model = ACCORD_REVENUE_SHARE;
  agreement->rate_bp = 2000;
  agreement->share_months = 12;
  agreement->currency = g_strdup ("EUR");
  agreement->exclusivity = ACCORD_EXCLUSIVITY_GEOGRAPHIC;
  g_free (agreement->exclusivity_scope);
  agreement->exclusivity_scope = g_strdup (long_text->str);
  for (guint i = 0; i < 30; i++)
    accord_agreement_add_kpi (agreement, "Referred customers", "20", "2026-12-31");
  g_assert_true (accord_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);

  report = accord_report_new_partner (fixture->store, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_report_get_title (report), ==, "Northwind Traders");
  path = write_report (fixture, report, "partner.pdf");
  g_assert_cmpuint (accord_report_get_n_pages (report, ACCORD_REPORT_A4_WIDTH,
                                               ACCORD_REPORT_A4_HEIGHT), ==, 1);
  g_assert_cmpuint (count_pdf_pages (path), ==, 1);

  /* The same page drawn into any cairo_t: here an image at 1 px a point.
   * The title is at the top, the chart fills the bottom, the page number
   * sits at the foot, and the margins stay white. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  accord_report_draw_page (report, cr, 0, ACCORD_REPORT_A4_WIDTH, ACCORD_REPORT_A4_HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (has_ink (surface, 48, 70, 300, 110));     /* the title */
  g_assert_true (has_ink (surface, 48, 650, 547, 760));    /* the chart */
  g_assert_true (has_ink (surface, 250, 775, 345, 800));   /* Page 1 of 1 */
  g_assert_false (has_ink (surface, 0, 0, 40, 842));       /* the left margin */
  g_assert_false (has_ink (surface, 0, 815, 595, 842));    /* below the footer */
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_rtl_mirrors (Fixture       *fixture,
                  gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPartner) partner = add_partner (fixture->store, "شركة النور");
  g_autoptr(AccordReport) report = accord_report_new_partner (fixture->store, partner, &error);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  accord_report_set_rtl (report, TRUE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  accord_report_draw_page (report, cr, 0, ACCORD_REPORT_A4_WIDTH, ACCORD_REPORT_A4_HEIGHT);
  /* Field labels ("Website", ...) sit on the right: the left third of
   * the profile rows is blank ("—" values are short and on the left of
   * their column, not under it). */
  g_assert_true (has_ink (surface, 400, 160, 547, 200));
  g_assert_false (has_ink (surface, 48, 160, 200, 200));

  /* Left to right, the other way round. */
  accord_report_set_rtl (report, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  accord_report_draw_page (report, cr, 0, ACCORD_REPORT_A4_WIDTH, ACCORD_REPORT_A4_HEIGHT);
  g_assert_true (has_ink (surface, 48, 160, 200, 200));
  g_assert_false (has_ink (surface, 400, 160, 547, 200));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordReport) report = accord_report_new_portfolio (fixture->store, &error);
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "kept.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_false (accord_report_write_pdf (report, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Cancelled: the file that was there is left alone. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (accord_report_write_pdf (report, existing, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/portfolio", test_portfolio);
  ADD ("/report/empty-workspace", test_empty_workspace);
  ADD ("/report/large-portfolio", test_large_portfolio);
  ADD ("/report/partner-one-page", test_partner_one_page);
  ADD ("/report/rtl", test_rtl_mirrors);
  ADD ("/report/write-failure", test_write_failure);
#undef ADD

  return g_test_run ();
}
