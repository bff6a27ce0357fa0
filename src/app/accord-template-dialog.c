/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-template-dialog.h"

#include "accord-form.h"
#include "accord-store.h"
#include "accord-work-ui.h"

#include <glib/gi18n.h>

#include <string.h>

struct _AccordTemplateDialog
{
  AdwWindow parent_instance;

  AccordStore *store;
  AccordPartner *partner;
  AccordContact *contact;       /* the primary contact, or NULL */
  AccordTemplate shown;
  /* Labels of the fields the filled template lacks. */
  GPtrArray *missing;
  /* The email logged for each template while the dialog is open (0: none). */
  gint64 logged[ACCORD_N_TEMPLATES];
  GtkTextTag *missing_tag;
  gboolean loading;

  AdwToastOverlay *toast_overlay;
  AdwComboRow *template_row;
  AdwActionRow *to_row;
  AdwEntryRow *subject_row;
  GtkTextView *body_view;
  GtkLabel *missing_label;
};

G_DEFINE_FINAL_TYPE (AccordTemplateDialog, accord_template_dialog, ADW_TYPE_WINDOW)

static char *
dup_marker (const char *label)
{
  return g_strconcat (accord_template_missing_prefix (), label, accord_template_missing_suffix (),
                      NULL);
}

static char *
dup_body (AccordTemplateDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The highlight follows the theme: the warning colour, faint enough for
 * the text on it to read in light, dark and high-contrast styles. The tag
 * also underlines, so the marks do not rely on colour alone. */
static void
update_tag_colour (AccordTemplateDialog *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->body_view));
  GdkRGBA colour;

  if (!gtk_style_context_lookup_color (context, "warning_color", &colour))
    gdk_rgba_parse (&colour, "#e5a50a");
  G_GNUC_END_IGNORE_DEPRECATIONS
  colour.alpha = 0.25;
  g_object_set (self->missing_tag, "background-rgba", &colour, NULL);
}

static void
update_missing (AccordTemplateDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_auto(GStrv) still = accord_template_dialog_dup_missing (self);
  guint n_placeholders = 0;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->missing_tag, &start, &end);
  for (guint i = 0; i < self->missing->len; i++)
    {
      g_autofree char *marker = dup_marker (g_ptr_array_index (self->missing, i));
      GtkTextIter from, match_start, match_end;

      gtk_text_buffer_get_start_iter (buffer, &from);
      while (gtk_text_iter_forward_search (&from, marker, GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          gtk_text_buffer_apply_tag (buffer, self->missing_tag, &match_start, &match_end);
          from = match_end;
        }
    }

  /* The template's own placeholders ("[a past partner]") are the user's
   * to write: they are marked the same way. */
  {
    g_autofree char *body = dup_body (self);
    const char *p = body;

    while ((p = strchr (p, '[')) != NULL)
      {
        const char *close = strpbrk (p + 1, "[]\n");
        GtkTextIter from, to;

        if (close == NULL || *close != ']')
          {
            p = close != NULL ? close : p + 1;
            continue;
          }
        gtk_text_buffer_get_iter_at_offset (buffer, &from, g_utf8_pointer_to_offset (body, p));
        gtk_text_buffer_get_iter_at_offset (buffer, &to,
                                            g_utf8_pointer_to_offset (body, close + 1));
        gtk_text_buffer_apply_tag (buffer, self->missing_tag, &from, &to);
        n_placeholders++;
        p = close + 1;
      }
  }

  if (still[0] == NULL && n_placeholders == 0)
    {
      gtk_label_set_text (self->missing_label, _("Everything is filled in."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->missing_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "dim-label");
    }
  else
    {
      g_autofree char *list = g_strjoinv (_(", "), still);
      g_autofree char *text = NULL;

      if (still[0] == NULL)
        text = g_strdup (_("Write the marked parts in brackets before sending."));
      else
        /* Translators: %s lists the merge fields the workspace has no value for. */
        text = g_strdup_printf (_("Still missing: %s. Fill in the marked parts before sending."),
                                list);
      gtk_label_set_text (self->missing_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->missing_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "warning");
    }
}

GStrv
accord_template_dialog_dup_missing (AccordTemplateDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *body = NULL;
  const char *subject;

  g_return_val_if_fail (ACCORD_IS_TEMPLATE_DIALOG (self), NULL);

  body = dup_body (self);
  subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  for (guint i = 0; i < self->missing->len; i++)
    {
      const char *label = g_ptr_array_index (self->missing, i);
      g_autofree char *marker = dup_marker (label);

      if (strstr (body, marker) != NULL || strstr (subject, marker) != NULL)
        g_strv_builder_add (builder, label);
    }
  return g_strv_builder_end (builder);
}

/* The primary contact, which the store lists first (as the merge does). */
static AccordContact *
find_primary_contact (AccordStore   *store,
                      AccordPartner *partner)
{
  GListModel *contacts = accord_store_get_contacts (store, partner);

  if (g_list_model_get_n_items (contacts) == 0)
    return NULL;
  return g_list_model_get_item (contacts, 0);
}

static void
fill (AccordTemplateDialog *self)
{
  g_autofree char *to = NULL;
  g_autofree char *email = NULL;
  AccordFilled filled = { 0 };

  /* The same merge as accord-cli's "template": one source of truth. */
  g_ptr_array_set_size (self->missing, 0);
  accord_store_fill_template (self->store, self->partner, self->shown, &filled, self->missing,
                              &email);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), filled.subject ? filled.subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            filled.body ? filled.body : "", -1);
  self->loading = FALSE;
  accord_filled_clear (&filled);

  if (self->contact == NULL)
    to = g_strdup (_("No contact yet: add one to address the message"));
  else if (email == NULL)
    /* Translators: %s is a person's name. */
    to = g_strdup_printf (_("%s, with no email address yet"),
                          accord_contact_get_name (self->contact));
  else
    to = g_strdup_printf ("%s <%s>", accord_contact_get_name (self->contact), email);
  adw_action_row_set_subtitle (self->to_row, to);

  update_missing (self);
}

static void
template_changed_cb (AccordTemplateDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ACCORD_N_TEMPLATES)
    return;
  self->shown = selected;
  if (self->store != NULL)
    fill (self);
}

static void
text_changed_cb (AccordTemplateDialog *self)
{
  if (!self->loading)
    update_missing (self);
}

static void
toast (AccordTemplateDialog *self,
       AdwToast             *t)
{
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

typedef struct
{
  AccordTemplateDialog *dialog;  /* weak */
  AccordStore *store;
  gint64 activity_id;
  AccordTemplate template;
} Logged;

static void
logged_free (gpointer data)
{
  Logged *logged = data;

  g_clear_weak_pointer (&logged->dialog);
  g_clear_object (&logged->store);
  g_free (logged);
}

static void
undo_log_cb (AdwToast *t,
             Logged   *logged)
{
  g_autoptr(GError) error = NULL;

  if (!accord_store_delete_activity (logged->store, logged->activity_id, &error))
    g_warning ("Could not remove the logged email: %s", error->message);
  else if (logged->dialog != NULL)
    logged->dialog->logged[logged->template] = 0;
}

/* Sending it logs an email on the partner, once per template while the
 * dialog is open (copying and then opening it is one email). */
static void
log_email (AccordTemplateDialog *self,
           const char           *done)
{
  g_autoptr(AccordActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *title = NULL;
  Logged *logged;
  AdwToast *t;

  if (self->logged[self->shown] != 0)
    {
      toast (self, adw_toast_new (done));
      return;
    }

  activity = accord_activity_new (accord_partner_get_id (self->partner), ACCORD_ACTIVITY_EMAIL,
                                  accord_store_get_today (self->store));
  if (self->contact != NULL)
    activity->contact_id = accord_contact_get_id (self->contact);
  subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));
  g_free (activity->summary);
  activity->summary = g_strdup (*subject ? subject : accord_template_label (self->shown));
  if (!accord_store_add_activity (self->store, activity, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  self->logged[self->shown] = activity->id;

  /* Translators: the first %s says what was done ("Copied."). */
  title = g_strdup_printf (_("%s Logged as an email in Activity."), done);
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  logged = g_new0 (Logged, 1);
  g_set_weak_pointer (&logged->dialog, self);
  logged->store = g_object_ref (self->store);
  logged->activity_id = activity->id;
  logged->template = self->shown;
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_log_cb), logged,
                         (GClosureNotify) G_CALLBACK (logged_free), 0);
  toast (self, t);
}

void
accord_template_dialog_copy (AccordTemplateDialog *self)
{
  g_autofree char *body = NULL;

  g_return_if_fail (ACCORD_IS_TEMPLATE_DIALOG (self));

  body = dup_body (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), body);
  log_email (self, _("Copied."));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_template_dialog_copy (ACCORD_TEMPLATE_DIALOG (widget));
}

static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AccordTemplateDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, adw_toast_new (_("No mail app could open the message. Copy it instead.")));
      return;
    }
  if (self->store != NULL)
    log_email (self, _("Opened in Mail."));
}

static void
open_mail_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordTemplateDialog *self = ACCORD_TEMPLATE_DIALOG (widget);
  const char *email = self->contact ? accord_contact_get_email (self->contact) : NULL;
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *body = dup_body (self);
  g_autofree char *uri = accord_mailto_build (email, subject, body);

  if (uri == NULL)
    {
      /* An address the link cannot carry safely: leave it for the user. */
      toast (self, adw_toast_new (_("The contact's email address cannot be used in a mail link: "
                                    "the message opens without a recipient.")));
      uri = accord_mailto_build (NULL, subject, body);
    }
  if (uri == NULL)
    return;
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_cb,
                     g_object_ref (self));
}

static void
accord_template_dialog_dispose (GObject *object)
{
  AccordTemplateDialog *self = ACCORD_TEMPLATE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_object (&self->contact);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (accord_template_dialog_parent_class)->dispose (object);
}

static void
accord_template_dialog_finalize (GObject *object)
{
  AccordTemplateDialog *self = ACCORD_TEMPLATE_DIALOG (object);

  g_ptr_array_unref (self->missing);

  G_OBJECT_CLASS (accord_template_dialog_parent_class)->finalize (object);
}

static void
accord_template_dialog_class_init (AccordTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_template_dialog_dispose;
  object_class->finalize = accord_template_dialog_finalize;

  accord_form_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accordhq/Accord/ui/"
                                               "accord-template-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, AccordTemplateDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordTemplateDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, AccordTemplateDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, AccordTemplateDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, AccordTemplateDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, AccordTemplateDialog, missing_label);
  gtk_widget_class_install_action (widget_class, "template.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "template.open-mail", NULL, open_mail_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_template_dialog_init (AccordTemplateDialog *self)
{
  g_autoptr(GtkStringList) templates = gtk_string_list_new (NULL);
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->missing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ACCORD_N_TEMPLATES; i++)
    gtk_string_list_append (templates, accord_template_label (i));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (templates));
  accord_form_label_entry_row (self->subject_row);

  buffer = gtk_text_view_get_buffer (self->body_view);
  self->missing_tag = gtk_text_buffer_create_tag (buffer, "missing",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  update_tag_colour (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colour), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_tag_colour), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->subject_row, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->template_row, "notify::selected",
                            G_CALLBACK (template_changed_cb), self);
}

GtkWidget *
accord_template_dialog_new (AccordStore    *store,
                            AccordPartner  *partner,
                            AccordTemplate  template)
{
  AccordTemplateDialog *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_PARTNER (partner), NULL);

  if (template >= ACCORD_N_TEMPLATES)
    template = ACCORD_TEMPLATE_FIRST_EMAIL;

  /* GTK 4.8 shows a window's role to AT-SPI only when it is given here. */
  self = g_object_new (ACCORD_TYPE_TEMPLATE_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);
  self->contact = find_primary_contact (store, partner);
  self->shown = template;
  if (adw_combo_row_get_selected (self->template_row) == template)
    fill (self);
  else
    adw_combo_row_set_selected (self->template_row, template);
  return GTK_WIDGET (self);
}
