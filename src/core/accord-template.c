/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-work.h"
#include "accord-validate.h"

/* Email templates with merge fields. A template is translatable text in
 * which {partner}, {first_name}, {our_company}, {benefits}, {admire},
 * {proposal} and {launch} stand for what the app knows. Filling is one
 * pass over the template's own text: a value is never read again for
 * fields, so a partner called "{benefits}" stays that name. Words in
 * [square brackets] are for the user to write. */

static const char *const template_keys[ACCORD_N_TEMPLATES] = {
  "first-email", "follow-up-1", "follow-up-2", "follow-up-3",
  "call-summary", "announcement", "exit",
};

static const char *const template_labels[ACCORD_N_TEMPLATES] = {
  N_("First email"),
  N_("Follow-up: a gentle nudge"),
  N_("Follow-up: something of value"),
  N_("Follow-up: close the loop"),
  N_("Summary after the call"),
  N_("Joint announcement"),
  N_("Exit message"),
};

typedef struct
{
  const char *subject;
  const char *body;
} TemplateText;

/* In the templates below, translators keep every {name} in braces as it
 * is: the app puts the partner's name, the contact's first name and so on
 * in its place. Translate the words in [square brackets]: the user
 * replaces them. */
static const TemplateText template_texts[ACCORD_N_TEMPLATES] = {
  [ACCORD_TEMPLATE_FIRST_EMAIL] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("{partner} and {our_company}: an idea"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Hi {first_name},\n"
       "\n"
       "I have been following {partner} for a while: {admire}\n"
       "\n"
       "I work at {our_company}, and I believe we could do something good together. "
       "{proposal}\n"
       "\n"
       "For {partner}, it could mean:\n"
       "{benefits}\n"
       "\n"
       "We did something similar with [a past partner], and [the result, in figures].\n"
       "\n"
       "Would a 20-minute call in the next two weeks work for you? If the timing "
       "is wrong, a one-line no is perfectly fine.\n"
       "\n"
       "Best regards") },
  [ACCORD_TEMPLATE_FOLLOW_UP_1] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Re: {partner} and {our_company}: an idea"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Hi {first_name},\n"
       "\n"
       "Just a gentle nudge, in case my last email got buried. I would still like "
       "to hear whether working together could be useful for {partner}.\n"
       "\n"
       "A short reply either way is perfectly fine.\n"
       "\n"
       "Best regards") },
  [ACCORD_TEMPLATE_FOLLOW_UP_2] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("An idea for {partner}"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Hi {first_name},\n"
       "\n"
       "I have kept thinking about what we could do for {partner}, and three things "
       "stand out:\n"
       "{benefits}\n"
       "\n"
       "I thought you might also find this useful, whatever you decide: "
       "[an article, a figure or an introduction].\n"
       "\n"
       "If any of it is worth 20 minutes, I would be glad to walk you through it.\n"
       "\n"
       "Best regards") },
  [ACCORD_TEMPLATE_FOLLOW_UP_3] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Shall I close the loop?"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Hi {first_name},\n"
       "\n"
       "I have not heard back, which usually means the timing is not right, and "
       "that is completely fine.\n"
       "\n"
       "Shall I close the loop for now? If things change at {partner}, my door "
       "stays open.\n"
       "\n"
       "Best regards") },
  [ACCORD_TEMPLATE_CALL_SUMMARY] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Thank you for the call: {partner} and {our_company}"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Hi {first_name},\n"
       "\n"
       "Thank you for your time today. Here is what I took away from our "
       "conversation.\n"
       "\n"
       "What we talked about: {proposal}\n"
       "\n"
       "What it could bring {partner}:\n"
       "{benefits}\n"
       "\n"
       "Next steps: could we meet again on [date] or [date] to agree the details?\n"
       "\n"
       "Best regards") },
  [ACCORD_TEMPLATE_ANNOUNCEMENT] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("{our_company} and {partner} announce {launch}"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("{our_company} and {partner} announce {launch}\n"
       "\n"
       "[Place], [date]: {our_company} and {partner} are joining forces. {proposal}\n"
       "\n"
       "“[A few words from {our_company}]”, says [name, role] of {our_company}.\n"
       "\n"
       "“[A few words from {partner}]”, says [name, role] of {partner}.\n"
       "\n"
       "What it means for customers:\n"
       "{benefits}\n"
       "\n"
       "How it works: [in two or three sentences]\n"
       "\n"
       "How to start: [a link or a contact]\n"
       "\n"
       "About {our_company}: [boilerplate]\n"
       "\n"
       "About {partner}: [boilerplate]") },
  [ACCORD_TEMPLATE_EXIT] = {
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("{our_company} and {partner}: the next chapter"),
    /* TRANSLATORS: keep each {name} in braces as it is. */
    N_("Hi {first_name},\n"
       "\n"
       "Since [when we started], {partner} and {our_company} have done good work "
       "together, and I am grateful for it.\n"
       "\n"
       "We have decided to bring our partnership to a close on [date]. "
       "[The reason, in one sentence.]\n"
       "\n"
       "Customers we serve together will not be left behind: we will honour every "
       "commitment made to them, and [what happens for them during the transition].\n"
       "\n"
       "Thank you for your trust and for all the work you put in. I hope our paths "
       "cross again.\n"
       "\n"
       "Best regards") },
};

const char *
accord_template_to_key (AccordTemplate t)
{
  g_return_val_if_fail ((guint) t < ACCORD_N_TEMPLATES, NULL);
  return template_keys[t];
}

gboolean
accord_template_from_key (const char     *key,
                          AccordTemplate *out)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < ACCORD_N_TEMPLATES; i++)
    if (strcmp (key, template_keys[i]) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
accord_template_label (AccordTemplate t)
{
  g_return_val_if_fail ((guint) t < ACCORD_N_TEMPLATES, NULL);
  return _(template_labels[t]);
}

const char *
accord_template_missing_prefix (void)
{
  /* TRANSLATORS: the start of a marker for a value the app does not
   * know yet, as in "[missing: contact's first name]". */
  return _("[missing: ");
}

const char *
accord_template_missing_suffix (void)
{
  /* TRANSLATORS: the end of the "[missing: ...]" marker. */
  return _("]");
}

void
accord_filled_clear (AccordFilled *filled)
{
  if (filled == NULL)
    return;
  g_clear_pointer (&filled->subject, g_free);
  g_clear_pointer (&filled->body, g_free);
}

/* Merge fields */

typedef enum
{
  FIELD_PARTNER,
  FIELD_FIRST_NAME,
  FIELD_OUR_COMPANY,
  FIELD_BENEFITS,
  FIELD_ADMIRE,
  FIELD_PROPOSAL,
  FIELD_LAUNCH,
  N_FIELDS
} Field;

static const struct
{
  const char *name;   /* in braces in the templates */
  const char *label;  /* N_(): what is missing */
} fields[N_FIELDS] = {
  [FIELD_PARTNER] = { "partner", N_("partner name") },
  [FIELD_FIRST_NAME] = { "first_name", N_("contact’s first name") },
  [FIELD_OUR_COMPANY] = { "our_company", N_("our company") },
  [FIELD_BENEFITS] = { "benefits", N_("benefits for them") },
  [FIELD_ADMIRE] = { "admire", N_("what we admire about them") },
  [FIELD_PROPOSAL] = { "proposal", N_("our proposal") },
  [FIELD_LAUNCH] = { "launch", N_("launch name") },
};

static const char *
field_value (const AccordMergeFields *values,
             Field                    field)
{
  if (values == NULL)
    return NULL;
  switch (field)
    {
    case FIELD_PARTNER: return values->partner;
    case FIELD_FIRST_NAME: return values->first_name;
    case FIELD_OUR_COMPANY: return values->our_company;
    case FIELD_BENEFITS: return values->benefits;
    case FIELD_ADMIRE: return values->admire;
    case FIELD_PROPOSAL: return values->proposal;
    case FIELD_LAUNCH: return values->launch_name;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* One line of plain text: line breaks and other control characters
 * become spaces, runs of spaces one. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((unsigned char) *p < ' ' || *p == 0x7f || *p == ' ')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Up to three benefits, one per line, as a list. NULL when there is none. */
static char *
benefit_list (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  guint used = 0;

  for (guint i = 0; lines[i] != NULL && used < 3; i++)
    {
      g_autofree char *line = one_line (lines[i]);
      const char *item = line;

      /* The canvas may already hold "- item" or "• item". */
      while (*item == '-' || *item == '*' || *item == ' ')
        item++;
      if (g_str_has_prefix (item, "•"))
        item += strlen ("•");
      while (*item == ' ')
        item++;
      if (*item == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: one benefit in a list in an email. */
      g_string_append_printf (out, _("– %s"), item);
      used++;
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The value to merge for @field, or NULL when it is missing. */
static char *
merge_value (const AccordMergeFields *values,
             Field                    field,
             gboolean                 in_subject)
{
  const char *raw = field_value (values, field);
  g_autofree char *value = NULL;

  if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
    return NULL;
  if (field == FIELD_BENEFITS && !in_subject)
    return benefit_list (raw);
  value = one_line (raw);
  if (*value == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static void
note_missing (GPtrArray  *missing,
              const char *label)
{
  if (missing == NULL)
    return;
  for (guint i = 0; i < missing->len; i++)
    if (g_strcmp0 (g_ptr_array_index (missing, i), label) == 0)
      return;
  g_ptr_array_add (missing, g_strdup (label));
}

static char *
merge (const char              *text,
       const AccordMergeFields *values,
       gboolean                 in_subject,
       GPtrArray               *missing)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      gboolean done = FALSE;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      close = strchr (open, '}');
      if (close != NULL)
        {
          for (guint f = 0; f < N_FIELDS; f++)
            {
              gsize len = strlen (fields[f].name);
              g_autofree char *value = NULL;

              if ((gsize) (close - open - 1) != len || strncmp (open + 1, fields[f].name, len) != 0)
                continue;
              value = merge_value (values, f, in_subject);
              if (value != NULL)
                g_string_append (out, value);
              else
                {
                  const char *label = _(fields[f].label);

                  g_string_append (out, accord_template_missing_prefix ());
                  g_string_append (out, label);
                  g_string_append (out, accord_template_missing_suffix ());
                  note_missing (missing, label);
                }
              done = TRUE;
              break;
            }
        }
      if (done)
        p = close + 1;
      else
        {
          /* Not a field (a translation's own brace): kept as written. */
          g_string_append_c (out, '{');
          p = open + 1;
        }
    }
  return g_string_free (out, FALSE);
}

void
accord_template_fill (AccordTemplate           t,
                      const AccordMergeFields *values,
                      AccordFilled            *out,
                      GPtrArray               *missing)
{
  g_return_if_fail ((guint) t < ACCORD_N_TEMPLATES);
  g_return_if_fail (out != NULL);

  out->subject = merge (_(template_texts[t].subject), values, TRUE, missing);
  out->body = merge (_(template_texts[t].body), values, FALSE, missing);
}

/* mailto: (RFC 6068) */

/* Percent-encodes everything but RFC 3986's unreserved characters, so no
 * value can end the subject, start another header or add a recipient. */
static void
append_encoded (GString    *out,
                const char *text,
                gboolean    crlf)
{
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      if (crlf && (*p == '\n' || *p == '\r'))
        {
          /* Every line break, whatever its form, becomes CR LF. */
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_string_append (out, "%0D%0A");
        }
      else if (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~')
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
}

char *
accord_mailto_build (const char *to,
                     const char *subject,
                     const char *body)
{
  GString *out;
  char separator = '?';

  if (to != NULL && *to != '\0')
    {
      /* One plain address: nothing that could close the address, start a
       * header or list a second recipient. */
      if (!g_utf8_validate (to, -1, NULL) ||
          strpbrk (to, "?&,;%# \t\r\n<>\"'()[]\\") != NULL ||
          !accord_validate_email (to, NULL))
        return NULL;
      for (const unsigned char *p = (const unsigned char *) to; *p != '\0'; p++)
        if (*p < 0x20 || *p == 0x7f)
          return NULL;
    }

  out = g_string_new ("mailto:");
  if (to != NULL && *to != '\0')
    {
      for (const unsigned char *p = (const unsigned char *) to; *p != '\0'; p++)
        {
          if (*p == '@' || g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_' ||
              *p == '~')
            g_string_append_c (out, *p);
          else
            g_string_append_printf (out, "%%%02X", *p);
        }
    }
  if (subject != NULL && *subject != '\0')
    {
      g_string_append_c (out, separator);
      g_string_append (out, "subject=");
      /* A subject is one line: a break in it would start a header. */
      g_autofree char *line = one_line (subject);

      append_encoded (out, line, FALSE);
      separator = '&';
    }
  if (body != NULL && *body != '\0')
    {
      g_string_append_c (out, separator);
      g_string_append (out, "body=");
      append_encoded (out, body, TRUE);
    }
  return g_string_free (out, FALSE);
}
