/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "accord-validate.h"
#include "accord-store.h"

static gboolean
check_length (const char  *label,
              const char  *text,
              glong        max,
              GError     **error)
{
  glong n;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("%s contains text that is not valid UTF-8"), label);
      return FALSE;
    }

  n = g_utf8_strlen (text, -1);
  if (n > max)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                   _("%s is too long: %ld characters, at most %ld"), label, n, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_domain (const char *host)
{
  /* A host name with at least one dot, made of letters (any script),
   * digits and hyphens, no empty label, and not starting or ending with
   * a hyphen: enough to catch typos without rejecting real domains. */
  g_auto(GStrv) labels = NULL;
  guint n;

  if (host == NULL || *host == '\0' || strlen (host) > 253)
    return FALSE;

  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *l = labels[i];
      gsize len = strlen (l);

      if (len == 0 || len > 63 || l[0] == '-' || l[len - 1] == '-')
        return FALSE;
      for (const char *p = l; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (!(g_unichar_isalnum (c) || c == '-'))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
accord_validate_email (const char  *text,
                       GError     **error)
{
  const char *at;
  g_autofree char *local = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL ||
      strpbrk (text, " \t\r\n<>()[],;:\"") != NULL)
    goto bad;

  local = g_strndup (text, at - text);
  if (local[0] == '.' || g_str_has_suffix (local, ".") || strstr (local, "..") != NULL)
    goto bad;

  if (!is_domain (at + 1))
    goto bad;

  return TRUE;

bad:
  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
               _("“%s” is not an email address; it should look like name@example.com"), text);
  return FALSE;
}

gboolean
accord_validate_url (const char  *text,
                     GError     **error)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strpbrk (text, " \t\r\n") != NULL)
    goto bad;

  /* People type "example.com"; treat a missing scheme as https. */
  if (strstr (text, "://") == NULL)
    with_scheme = g_strconcat ("https://", text, NULL);
  else
    with_scheme = g_strdup (text);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    goto bad;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    goto bad;

  if (!is_domain (g_uri_get_host (uri)) && g_strcmp0 (g_uri_get_host (uri), "localhost") != 0)
    goto bad;

  return TRUE;

bad:
  g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
               _("“%s” is not a web address; it should look like example.com or https://example.com/page"),
               text);
  return FALSE;
}

gboolean
accord_validate_partner_field (AccordPartnerField   field,
                               const char          *text,
                               GError             **error)
{
  g_autofree char *trimmed = NULL;
  const char *label;

  g_return_val_if_fail (field < ACCORD_N_PARTNER_FIELDS, FALSE);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  label = accord_partner_field_get_label (field);

  switch (field)
    {
    case ACCORD_PARTNER_FIELD_NAME:
      if (*trimmed == '\0')
        {
          g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                               _("A partner needs a name"));
          return FALSE;
        }
      return check_length (label, trimmed, ACCORD_MAX_NAME_LENGTH, error);

    case ACCORD_PARTNER_FIELD_OWNER:
      return check_length (label, trimmed, ACCORD_MAX_NAME_LENGTH, error);

    case ACCORD_PARTNER_FIELD_WEBSITE:
      if (!check_length (label, trimmed, ACCORD_MAX_TEXT_LENGTH, error))
        return FALSE;
      return *trimmed == '\0' || accord_validate_url (trimmed, error);

    case ACCORD_PARTNER_FIELD_DESCRIPTION:
    case ACCORD_PARTNER_FIELD_WHY_FIT:
    case ACCORD_PARTNER_FIELD_THEIR_GAINS:
    case ACCORD_PARTNER_FIELD_OUR_OFFERINGS:
    case ACCORD_PARTNER_FIELD_THEIR_PAINS:
    case ACCORD_PARTNER_FIELD_OUR_RELIEVERS:
    case ACCORD_PARTNER_FIELD_VALUE_PROPOSITION:
      return check_length (label, trimmed, ACCORD_MAX_TEXT_LENGTH, error);

    case ACCORD_PARTNER_FIELD_STRATEGIC_ALIGNMENT:
    case ACCORD_PARTNER_FIELD_VALUE_EXCHANGE:
    case ACCORD_PARTNER_FIELD_REACH:
    case ACCORD_PARTNER_FIELD_OPERATIONAL_FIT:
    case ACCORD_PARTNER_FIELD_READINESS:
      {
        g_autoptr(AccordPartner) probe = accord_partner_new ("probe");

        if (!accord_partner_set_field_text (probe, field, trimmed))
          {
            g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                         _("%s is rated from 1 to 5, not “%s”"), label, trimmed);
            return FALSE;
          }
        return TRUE;
      }

    case ACCORD_PARTNER_FIELD_NOTES:
      return check_length (label, trimmed, ACCORD_MAX_NOTES_LENGTH, error);

    case ACCORD_PARTNER_FIELD_TAGS:
      {
        g_auto(GStrv) tags = NULL;

        if (!check_length (label, trimmed, ACCORD_MAX_TEXT_LENGTH, error))
          return FALSE;
        tags = accord_tags_parse (trimmed);
        for (guint i = 0; tags[i]; i++)
          if (g_utf8_strlen (tags[i], -1) > 50)
            {
              g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                           _("The tag “%s” is too long: at most 50 characters"), tags[i]);
              return FALSE;
            }
        return TRUE;
      }

    case ACCORD_PARTNER_FIELD_SOURCE:
    case ACCORD_PARTNER_FIELD_POSITION:
    case ACCORD_PARTNER_FIELD_TYPE:
    case ACCORD_PARTNER_FIELD_TIER:
    case ACCORD_PARTNER_FIELD_PRIORITY:
      {
        g_autoptr(AccordPartner) probe = accord_partner_new ("probe");

        if (!accord_partner_set_field_text (probe, field, trimmed))
          {
            g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                         _("%s cannot be “%s”"), label, trimmed);
            return FALSE;
          }
        return TRUE;
      }

    case ACCORD_N_PARTNER_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
accord_validate_contact_field (AccordContactField   field,
                               const char          *text,
                               GError             **error)
{
  g_autofree char *trimmed = NULL;
  const char *label;

  g_return_val_if_fail (field < ACCORD_N_CONTACT_FIELDS, FALSE);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  label = accord_contact_field_get_label (field);

  switch (field)
    {
    case ACCORD_CONTACT_FIELD_NAME:
      if (*trimmed == '\0')
        {
          g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_INVALID,
                               _("A contact needs a name"));
          return FALSE;
        }
      return check_length (label, trimmed, ACCORD_MAX_NAME_LENGTH, error);

    case ACCORD_CONTACT_FIELD_ROLE:
    case ACCORD_CONTACT_FIELD_PHONE:
      return check_length (label, trimmed, ACCORD_MAX_NAME_LENGTH, error);

    case ACCORD_CONTACT_FIELD_EMAIL:
      if (!check_length (label, trimmed, ACCORD_MAX_NAME_LENGTH, error))
        return FALSE;
      return *trimmed == '\0' || accord_validate_email (trimmed, error);

    case ACCORD_CONTACT_FIELD_PROFILE_URL:
      if (!check_length (label, trimmed, ACCORD_MAX_TEXT_LENGTH, error))
        return FALSE;
      return *trimmed == '\0' || accord_validate_url (trimmed, error);

    case ACCORD_N_CONTACT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
accord_validate_partner (AccordPartner  *partner,
                         GError        **error)
{
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), FALSE);

  for (guint i = 0; i < ACCORD_N_PARTNER_FIELDS; i++)
    {
      g_autofree char *text = accord_partner_dup_field_text (partner, i);

      if (!accord_validate_partner_field (i, text, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
accord_validate_contact (AccordContact  *contact,
                         GError        **error)
{
  g_return_val_if_fail (ACCORD_IS_CONTACT (contact), FALSE);

  for (guint i = 0; i < ACCORD_N_CONTACT_FIELDS; i++)
    if (!accord_validate_contact_field (i, accord_contact_get_field (contact, i), error))
      return FALSE;

  return TRUE;
}
