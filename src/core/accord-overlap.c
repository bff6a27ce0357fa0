/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-overlap.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accord-csv.h"
#include "accord-store-private.h"

G_DEFINE_QUARK (accord-overlap-error-quark, accord_overlap_error)

/* Normalising */

/* Providers whose addresses say nothing about the company behind them. */
static const char * const free_mail_domains[] = {
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "hotmail.com",
  "hotmail.co.uk", "hotmail.fr", "outlook.com", "live.com", "msn.com", "icloud.com", "me.com",
  "mac.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "proton.me", "protonmail.com",
  "mail.com", "yandex.ru", "yandex.com", "mail.ru", "qq.com", "163.com", "126.com", "orange.fr",
  "free.fr", "laposte.net", "t-online.de", "libero.it", "zoho.com", "fastmail.com",
};

/* Words dropped from the end of a name: legal forms. */
static const char * const legal_suffixes[] = {
  "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "corp", "corporation",
  "co", "company", "gmbh", "mbh", "ag", "kg", "ohg", "ug", "ev", "sa", "sas", "sarl", "sasu",
  "srl", "spa", "sl", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "pty", "pvt", "kk",
  "sro", "zoo", "sp", "group",
};

char *
accord_overlap_normalize_domain (const char *text)
{
  g_autofree char *lower = NULL;
  const char *start;
  const char *p;
  GString *host;

  if (text == NULL)
    return NULL;
  lower = g_utf8_strdown (text, -1);
  g_strstrip (lower);
  start = lower;

  if (g_str_has_prefix (start, "mailto:"))
    start += strlen ("mailto:");
  p = strstr (start, "://");
  if (p != NULL)
    start = p + 3;
  else if (g_str_has_prefix (start, "//"))
    start += 2;

  /* The host ends at the path, query or fragment. */
  host = g_string_new (NULL);
  for (p = start; *p != '\0' && *p != '/' && *p != '?' && *p != '#' && !g_ascii_isspace (*p); p++)
    g_string_append_c (host, *p);

  /* A user ("user@host") or an e-mail address: keep what follows the @. */
  p = strrchr (host->str, '@');
  if (p != NULL)
    g_string_erase (host, 0, p - host->str + 1);
  /* The port. */
  p = strchr (host->str, ':');
  if (p != NULL)
    g_string_truncate (host, p - host->str);
  while (host->len > 0 && host->str[host->len - 1] == '.')
    g_string_truncate (host, host->len - 1);
  if (g_str_has_prefix (host->str, "www."))
    g_string_erase (host, 0, 4);

  if (host->len == 0 || strchr (host->str, '.') == NULL || host->str[0] == '.' ||
      strstr (host->str, "..") != NULL)
    {
      g_string_free (host, TRUE);
      return NULL;
    }
  for (p = host->str; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '.' || (guchar) *p >= 0x80))
      {
        g_string_free (host, TRUE);
        return NULL;
      }
  return g_string_free (host, FALSE);
}

char *
accord_overlap_normalize_email (const char *text)
{
  g_autofree char *domain = NULL;

  if (text == NULL || strchr (text, '@') == NULL)
    return NULL;
  domain = accord_overlap_normalize_domain (strrchr (text, '@') + 1);
  if (domain == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (free_mail_domains); i++)
    if (g_str_equal (domain, free_mail_domains[i]))
      return NULL;
  return g_steal_pointer (&domain);
}

static gboolean
is_legal_suffix (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_suffixes); i++)
    if (g_str_equal (word, legal_suffixes[i]))
      return TRUE;
  return FALSE;
}

char *
accord_overlap_normalize_name (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) clean = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_auto(GStrv) parts = NULL;
  guint first = 0;
  guint end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return NULL;

  /* Letters and digits stay; accents go; "&" is "and"; everything else
   * separates words, so "A.C.M.E." and "A C M E" both become words of
   * one letter, joined again below. */
  clean = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (c == '&' || c == '+')
        g_string_append (clean, " and ");
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (clean, c);
      else if (c == '.' || c == '\'' || c == 0x2019)
        ; /* "A.C.M.E.", "O'Brien": one word */
      else
        g_string_append_c (clean, ' ');
    }

  parts = g_strsplit_set (clean->str, " ", -1);
  words = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, parts[i]);

  if (words->len > 1 && g_str_equal (g_ptr_array_index (words, 0), "the"))
    first = 1;
  end = words->len;
  /* Legal forms go from the end, and an "and" they leave dangling
   * ("Acme GmbH & Co. KG") with them. */
  while (end > first + 1 && (is_legal_suffix (g_ptr_array_index (words, end - 1)) ||
                             g_str_equal (g_ptr_array_index (words, end - 1), "and")))
    end--;
  if (end <= first)
    return NULL;

  g_string_truncate (clean, 0);
  for (guint i = first; i < end; i++)
    {
      if (i > first)
        g_string_append_c (clean, ' ');
      g_string_append (clean, g_ptr_array_index (words, i));
    }
  return g_strdup (clean->str);
}

AccordAccountStatus
accord_overlap_parse_status (const char *text)
{
  static const char * const prospect_words[] = {
    "prospect", "lead", "opportunit", "trial", "pipeline", "potential", "target",
  };
  g_autofree char *lower = NULL;

  if (text == NULL)
    return ACCORD_ACCOUNT_CUSTOMER;
  lower = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (prospect_words); i++)
    if (strstr (lower, prospect_words[i]) != NULL)
      return ACCORD_ACCOUNT_PROSPECT;
  return ACCORD_ACCOUNT_CUSTOMER;
}

/* Reading lists */

typedef enum
{
  COLUMN_NONE,
  COLUMN_NAME,
  COLUMN_DOMAIN,
  COLUMN_EMAIL,
  COLUMN_STATUS,
} ColumnRole;

/* A header as letters and digits only, lower case. */
static char *
header_key (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static gboolean
key_in (const char         *key,
        const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (key, list[i]))
      return TRUE;
  return FALSE;
}

/* An exact header first; then one that only contains a telling word. */
static ColumnRole
guess_role (const char *header,
            gboolean    exact)
{
  static const char * const names[] = {
    "name", "company", "companyname", "account", "accountname", "organisation",
    "organization", "organisationname", "organizationname", "customer", "customername",
    "client", "clientname", "business", "businessname", "firm", "legalname", NULL
  };
  static const char * const domains[] = {
    "domain", "website", "web", "url", "site", "homepage", "companydomain", "websiteurl",
    "companywebsite", "domainname", "webaddress", NULL
  };
  static const char * const emails[] = {
    "email", "emailaddress", "mail", "contactemail", "workemail", NULL
  };
  static const char * const statuses[] = {
    "status", "type", "stage", "lifecyclestage", "accounttype", "customerstatus",
    "relationship", "kind", "customertype", "accountstatus", "dealstage", NULL
  };
  g_autofree char *key = header_key (header);

  if (exact)
    {
      if (key_in (key, names))
        return COLUMN_NAME;
      if (key_in (key, domains))
        return COLUMN_DOMAIN;
      if (key_in (key, emails))
        return COLUMN_EMAIL;
      if (key_in (key, statuses))
        return COLUMN_STATUS;
      return COLUMN_NONE;
    }
  if (strstr (key, "domain") || strstr (key, "website") || strstr (key, "url"))
    return COLUMN_DOMAIN;
  if (strstr (key, "email") || strstr (key, "mail"))
    return COLUMN_EMAIL;
  if (strstr (key, "status") || strstr (key, "stage") || strstr (key, "type"))
    return COLUMN_STATUS;
  if (strstr (key, "company") || strstr (key, "account") || strstr (key, "organi") ||
      strstr (key, "name"))
    return COLUMN_NAME;
  return COLUMN_NONE;
}

static void
account_free (AccordAccount *account)
{
  g_free (account->name);
  g_free (account->name_key);
  g_free (account->domain);
  g_free (account);
}

void
accord_account_list_free (AccordAccountList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->accounts, g_ptr_array_unref);
  g_free (list);
}

static const char *
field_at (GPtrArray *fields,
          int        column)
{
  if (column < 0 || (guint) column >= fields->len)
    return NULL;
  return g_ptr_array_index (fields, column);
}

AccordAccountList *
accord_account_list_load (GBytes  *data,
                          GError **error)
{
  g_autoptr(AccordCsvReader) reader = NULL;
  g_autoptr(AccordAccountList) list = NULL;
  g_autoptr(GPtrArray) header = NULL;
  GPtrArray *fields = NULL;
  int *columns[] = { NULL, NULL, NULL, NULL, NULL };
  GError *local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  reader = accord_csv_reader_new (data, error);
  if (reader == NULL)
    return NULL;

  /* The header is the first row that is not empty. */
  while (header == NULL || header->len == 0)
    {
      g_clear_pointer (&header, g_ptr_array_unref);
      if (!accord_csv_reader_next_row (reader, &header, NULL, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          g_set_error_literal (error, ACCORD_OVERLAP_ERROR, ACCORD_OVERLAP_ERROR_EMPTY,
                               _("The list is empty: it needs a header row and a company per row"));
          return NULL;
        }
    }

  list = g_new0 (AccordAccountList, 1);
  list->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  list->name_column = list->domain_column = list->email_column = list->status_column = -1;
  columns[COLUMN_NAME] = &list->name_column;
  columns[COLUMN_DOMAIN] = &list->domain_column;
  columns[COLUMN_EMAIL] = &list->email_column;
  columns[COLUMN_STATUS] = &list->status_column;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < header->len; i++)
      {
        ColumnRole role = guess_role (g_ptr_array_index (header, i), pass == 0);

        if (role != COLUMN_NONE && *columns[role] < 0)
          {
            gboolean taken = FALSE;

            for (guint r = COLUMN_NAME; r <= COLUMN_STATUS; r++)
              taken = taken || *columns[r] == (int) i;
            if (!taken)
              *columns[role] = (int) i;
          }
      }

  if (list->name_column < 0 && list->domain_column < 0 && list->email_column < 0)
    {
      g_set_error_literal (error, ACCORD_OVERLAP_ERROR, ACCORD_OVERLAP_ERROR_NO_COLUMNS,
                           _("No column holds company names, domains or e-mail addresses: "
                             "name one “name”, “domain”, “website” or “email”"));
      return NULL;
    }

  while (accord_csv_reader_next_row (reader, &fields, NULL, &local_error))
    {
      g_autoptr(GPtrArray) row = fields;
      const char *name = field_at (row, list->name_column);
      AccordAccount *account;

      if (row->len == 0)
        continue;
      account = g_new0 (AccordAccount, 1);
      /* A name is kept on one line: names are stored one per line. */
      account->name = g_strstrip (g_strdelimit (g_strdup (name ? name : ""), "\r\n\t", ' '));
      account->name_key = accord_overlap_normalize_name (account->name);
      account->domain = accord_overlap_normalize_domain (field_at (row, list->domain_column));
      if (account->domain == NULL)
        account->domain = accord_overlap_normalize_email (field_at (row, list->email_column));
      account->status = accord_overlap_parse_status (field_at (row, list->status_column));
      if (account->name_key == NULL && account->domain == NULL)
        {
          list->n_skipped++;
          account_free (account);
          continue;
        }
      if (account->name[0] == '\0')
        {
          g_free (account->name);
          account->name = g_strdup (account->domain);
        }
      g_ptr_array_add (list->accounts, account);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

AccordAccountList *
accord_account_list_load_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return accord_account_list_load (bytes, error);
}

/* Matching */

AccordOverlap *
accord_overlap_new (void)
{
  AccordOverlap *self = g_new0 (AccordOverlap, 1);

  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    self->names[k] = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
accord_overlap_free (AccordOverlap *self)
{
  if (self == NULL)
    return;
  g_free (self->computed_on);
  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    g_clear_pointer (&self->names[k], g_ptr_array_unref);
  g_free (self);
}

guint
accord_overlap_get_count (const AccordOverlap *self,
                          AccordOverlapKind    kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind < ACCORD_OVERLAP_N_KINDS, 0);

  return self->names[kind]->len;
}

const char *
accord_overlap_kind_label (AccordOverlapKind kind)
{
  switch (kind)
    {
    case ACCORD_OVERLAP_BOTH_CUSTOMERS:
      return _("Customers of both");
    case ACCORD_OVERLAP_OUR_PROSPECTS:
      return _("Our prospects who are their customers");
    case ACCORD_OVERLAP_THEIR_PROSPECTS:
      return _("Their prospects who are our customers");
    case ACCORD_OVERLAP_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
accord_overlap_kind_to_key (AccordOverlapKind kind)
{
  static const char * const keys[] = { "overlap", "our-prospects", "their-prospects" };

  g_return_val_if_fail (kind < ACCORD_OVERLAP_N_KINDS, "");
  return keys[kind];
}

/* The company a list holds: rows that share a domain or a name are one.
 * Returns the number of companies; @company[i] is row i's company. A
 * company is a customer when any of its rows says so. */
static guint
group_companies (const AccordAccountList *list,
                 guint                   *company,
                 GArray                  *statuses)
{
  g_autoptr(GHashTable) by_domain = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < list->accounts->len; i++)
    {
      const AccordAccount *account = g_ptr_array_index (list->accounts, i);
      gpointer found = NULL;
      guint c;

      if (account->domain != NULL)
        found = g_hash_table_lookup (by_domain, account->domain);
      if (found == NULL && account->name_key != NULL)
        found = g_hash_table_lookup (by_name, account->name_key);
      if (found != NULL)
        {
          c = GPOINTER_TO_UINT (found) - 1;
          if (account->status == ACCORD_ACCOUNT_CUSTOMER)
            g_array_index (statuses, AccordAccountStatus, c) = ACCORD_ACCOUNT_CUSTOMER;
        }
      else
        {
          c = n++;
          g_array_append_val (statuses, account->status);
        }
      company[i] = c;
      if (account->domain != NULL && !g_hash_table_contains (by_domain, account->domain))
        g_hash_table_insert (by_domain, account->domain, GUINT_TO_POINTER (c + 1));
      if (account->name_key != NULL && !g_hash_table_contains (by_name, account->name_key))
        g_hash_table_insert (by_name, account->name_key, GUINT_TO_POINTER (c + 1));
    }
  return n;
}

AccordOverlap *
accord_overlap_compute (const AccordAccountList *ours,
                        const AccordAccountList *theirs)
{
  g_autoptr(GHashTable) their_domains = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) their_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *our_company = NULL;
  g_autofree guint *their_company = NULL;
  g_autofree gboolean *our_done = NULL;
  g_autofree gboolean *their_done = NULL;
  g_autoptr(GArray) our_status = g_array_new (FALSE, FALSE, sizeof (AccordAccountStatus));
  g_autoptr(GArray) their_status = g_array_new (FALSE, FALSE, sizeof (AccordAccountStatus));
  AccordOverlap *self;
  guint n_ours, n_theirs;

  g_return_val_if_fail (ours != NULL && theirs != NULL, NULL);

  our_company = g_new0 (guint, ours->accounts->len + 1);
  their_company = g_new0 (guint, theirs->accounts->len + 1);
  n_ours = group_companies (ours, our_company, our_status);
  n_theirs = group_companies (theirs, their_company, their_status);
  our_done = g_new0 (gboolean, n_ours + 1);
  their_done = g_new0 (gboolean, n_theirs + 1);

  for (guint j = 0; j < theirs->accounts->len; j++)
    {
      const AccordAccount *account = g_ptr_array_index (theirs->accounts, j);
      gpointer company = GUINT_TO_POINTER (their_company[j] + 1);

      if (account->domain != NULL && !g_hash_table_contains (their_domains, account->domain))
        g_hash_table_insert (their_domains, account->domain, company);
      if (account->name_key != NULL && !g_hash_table_contains (their_names, account->name_key))
        g_hash_table_insert (their_names, account->name_key, company);
    }

  self = accord_overlap_new ();
  self->n_ours = n_ours;
  self->n_theirs = n_theirs;

  for (guint i = 0; i < ours->accounts->len; i++)
    {
      const AccordAccount *account = g_ptr_array_index (ours->accounts, i);
      guint mine = our_company[i];
      gpointer found = NULL;
      AccordAccountStatus us, them;
      guint other;
      int kind = -1;

      if (our_done[mine])
        continue;
      if (account->domain != NULL)
        found = g_hash_table_lookup (their_domains, account->domain);
      if (found == NULL && account->name_key != NULL)
        found = g_hash_table_lookup (their_names, account->name_key);
      if (found == NULL)
        continue;
      other = GPOINTER_TO_UINT (found) - 1;
      if (their_done[other])
        continue;

      us = g_array_index (our_status, AccordAccountStatus, mine);
      them = g_array_index (their_status, AccordAccountStatus, other);
      if (us == ACCORD_ACCOUNT_CUSTOMER && them == ACCORD_ACCOUNT_CUSTOMER)
        kind = ACCORD_OVERLAP_BOTH_CUSTOMERS;
      else if (us == ACCORD_ACCOUNT_PROSPECT && them == ACCORD_ACCOUNT_CUSTOMER)
        kind = ACCORD_OVERLAP_OUR_PROSPECTS;
      else if (us == ACCORD_ACCOUNT_CUSTOMER && them == ACCORD_ACCOUNT_PROSPECT)
        kind = ACCORD_OVERLAP_THEIR_PROSPECTS;

      our_done[mine] = TRUE;
      their_done[other] = TRUE;
      if (kind >= 0)
        g_ptr_array_add (self->names[kind], g_strdup (account->name));
    }
  return self;
}

/* Keeping it on a partner */

static char *
join_names (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Names are one line each; anything else would split one in two. */
      for (const char *p = name; *p != '\0'; p++)
        g_string_append_c (text, (*p == '\n' || *p == '\r') ? ' ' : *p);
    }
  return g_string_free (text, FALSE);
}

static void
split_names (GPtrArray  *names,
             const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (lines[i]));
}

gboolean
accord_store_save_overlap (AccordStore          *store,
                           AccordPartner        *partner,
                           const AccordOverlap  *overlap,
                           GError              **error)
{
  /* Every entry is set (join_names() never returns NULL), so the vector
   * frees them all. */
  g_auto(GStrv) names = g_new0 (char *, ACCORD_OVERLAP_N_KINDS + 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (overlap != NULL, FALSE);

  if (accord_partner_get_id (partner) == 0 ||
      accord_store_lookup_partner (store, accord_partner_get_id (partner)) == NULL)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("There is no such partner"));
      return FALSE;
    }

  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    names[k] = join_names (overlap->names[k]);

  if (!_accord_store_begin (store, error))
    return FALSE;
  stmt = _accord_store_get_stmt (store,
                                 "INSERT OR REPLACE INTO overlap (partner_id, computed_on, n_ours, "
                                 "n_theirs, n_overlap, n_our_prospects, n_their_prospects, "
                                 "overlap_names, our_prospect_names, their_prospect_names) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  sqlite3_bind_text (stmt, 2, accord_store_get_today (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, overlap->n_ours);
  sqlite3_bind_int64 (stmt, 4, overlap->n_theirs);
  for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
    {
      sqlite3_bind_int64 (stmt, 5 + k, overlap->names[k]->len);
      sqlite3_bind_text (stmt, 8 + k, names[k], -1, SQLITE_TRANSIENT);
    }
  if (!_accord_store_step_done (store, stmt, _("Could not keep the overlap"), error) ||
      !_accord_store_commit (store, error))
    goto fail;

  _accord_store_emit_results_changed (store, partner);
  return TRUE;

fail:
  _accord_store_rollback (store);
  return FALSE;
}

AccordOverlap *
accord_store_get_overlap (AccordStore    *store,
                          AccordPartner  *partner,
                          GError        **error)
{
  g_autoptr(AccordOverlap) overlap = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  stmt = _accord_store_get_stmt (store,
                                 "SELECT computed_on, n_ours, n_theirs, overlap_names, "
                                 "our_prospect_names, their_prospect_names FROM overlap "
                                 "WHERE partner_id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      overlap = accord_overlap_new ();
      overlap->computed_on = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      overlap->n_ours = (guint) sqlite3_column_int64 (stmt, 1);
      overlap->n_theirs = (guint) sqlite3_column_int64 (stmt, 2);
      for (guint k = 0; k < ACCORD_OVERLAP_N_KINDS; k++)
        split_names (overlap->names[k], (const char *) sqlite3_column_text (stmt, 3 + k));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _accord_store_set_error (store, rc, _("Could not read the overlap"), error);
      return NULL;
    }
  return g_steal_pointer (&overlap);
}

gboolean
accord_store_delete_overlap (AccordStore    *store,
                             AccordPartner  *partner,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  stmt = _accord_store_get_stmt (store, "DELETE FROM overlap WHERE partner_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_partner_get_id (partner));
  if (!_accord_store_step_done (store, stmt, _("Could not forget the overlap"), error))
    return FALSE;
  _accord_store_emit_results_changed (store, partner);
  return TRUE;
}
