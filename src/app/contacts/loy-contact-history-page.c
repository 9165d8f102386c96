/* loy-contact-history-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-column-spec.h"
#include "loy-contact-history-page.h"
#include "loy-export-task.h"
#include "loy-format.h"
#include "loy-load-error-page.h"

/* The contact's points history: a table where it fits, one row per entry
 * where it does not, filtered by the type of entry. Entries that can still
 * be reversed have a button for the window's contact.reverse. */

struct _LoyContactHistoryPage
{
  GtkBox              parent_instance;

  LoyPagedModel      *ledger;

  /* Template widgets */
  GtkStack           *ledger_stack;
  GtkColumnView      *ledger_view;
  GtkListView        *ledger_list;
  GtkNoSelection     *ledger_selection;
  GtkWidget          *export_button;
  LoyTaskBar         *task_bar;
  LoyLoadErrorPage   *error_page;
};

static void contact_page_iface_init (LoyContactPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyContactHistoryPage, loy_contact_history_page, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_CONTACT_PAGE, contact_page_iface_init))

const char *
loy_contact_history_page_type_name (LoyLedgerEntryType type)
{
  switch (type)
    {
    case LOY_LEDGER_ENTRY_TYPE_WELCOME:
      return _("Welcome");
    case LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION:
      return _("Points earned");
    case LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION:
      return _("Reward redeemed");
    case LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT:
      return _("Adjustment");
    case LOY_LEDGER_ENTRY_TYPE_EXPIRY:
      return _("Expired");
    case LOY_LEDGER_ENTRY_TYPE_REVERSAL:
      return _("Reversal");
    case LOY_LEDGER_ENTRY_TYPE_CAMPAIGN_PURCHASE:
      return _("Campaign bought");
    case LOY_LEDGER_ENTRY_TYPE_CASHBACK:
      return _("Cashback");
    default:
      g_assert_not_reached ();
    }
}

static char *
ledger_entry_dup_date (gpointer entry)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (loy_ledger_entry_get_created_at (entry));

  return at != NULL ? loy_format_date_time (at) : g_strdup ("");
}

/* The reward, its code, the reason and whether the entry was reversed. */
static char *
ledger_entry_dup_details (gpointer entry)
{
  const char *reward = loy_ledger_entry_get_reward_title (entry);
  const char *code = loy_ledger_entry_get_code (entry);
  const char *reason = loy_ledger_entry_get_reason (entry);
  GString *text = g_string_new (NULL);

  if (reward != NULL)
    g_string_append (text, reward);
  if (code != NULL)
    /* Translators: the code issued with a redeemed reward */
    g_string_append_printf (text, text->len > 0 ? _(" · code %s") : _("Code %s"), code);
  if (reason != NULL && reason[0] != '\0' && g_strcmp0 (reason, reward) != 0)
    g_string_append_printf (text, text->len > 0 ? " · %s" : "%s", reason);
  if (loy_ledger_entry_get_reversed (entry))
    g_string_append_printf (text, text->len > 0 ? " · %s" : "%s", _("Reversed"));

  return g_string_free (text, FALSE);
}

static char *
ledger_entry_dup_type (gpointer entry)
{
  return g_strdup (loy_contact_history_page_type_name (loy_ledger_entry_get_entry_type (entry)));
}

static char *
ledger_entry_dup_credits (gpointer entry)
{
  return loy_format_signed_points (loy_ledger_entry_get_credits (entry));
}

static const char *
ledger_entry_credits_style (gpointer entry)
{
  return loy_ledger_entry_get_credits (entry) < 0 ? "error" : "success";
}

static char *
ledger_entry_dup_operator (gpointer entry)
{
  return g_strdup (loy_ledger_entry_get_operator (entry));
}

static gboolean
ledger_entry_reversed (gpointer entry)
{
  return loy_ledger_entry_get_reversed (entry);
}

/* In the narrow list, under the type: when, and the details. */
static char *
ledger_entry_dup_subtitle (gpointer entry)
{
  g_autofree char *date = ledger_entry_dup_date (entry);
  g_autofree char *details = ledger_entry_dup_details (entry);
  const char *operator_name = loy_ledger_entry_get_operator (entry);
  g_autoptr(GString) text = g_string_new (date);

  if (details[0] != '\0')
    g_string_append_printf (text, " · %s", details);
  if (operator_name != NULL && operator_name[0] != '\0')
    /* Translators: who wrote a ledger entry, after its date and details */
    g_string_append_printf (text, _(" · by %s"), operator_name);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Dimmed once reversed; the reverse button's column follows them. */
static const LoyColumnSpec ledger_columns[] = {
  { N_("Date"), ledger_entry_dup_date, 0, .dim = ledger_entry_reversed },
  { N_("Type"), ledger_entry_dup_type, 0, .dim = ledger_entry_reversed },
  { N_("Points"), ledger_entry_dup_credits, LOY_COLUMN_NUMERIC,
    .style = ledger_entry_credits_style, .dim = ledger_entry_reversed },
  { N_("Details"), ledger_entry_dup_details, LOY_COLUMN_EXPAND | LOY_COLUMN_TOOLTIP,
    .dim = ledger_entry_reversed },
  { N_("By"), ledger_entry_dup_operator, 0, .dim = ledger_entry_reversed },
  { NULL }
};

static GtkWidget *
ledger_label_new (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* Shows @text of @entry in @label of the narrow list: dimmed once
 * reversed, empty while loading. */
static void
ledger_label_show (GtkWidget       *label,
                   LoyLedgerEntry  *entry,
                   LoyCellTextFunc  text)
{
  g_autofree char *shown = loy_paged_model_is_placeholder (entry) ? NULL : text (entry);

  gtk_label_set_text (GTK_LABEL (label), shown != NULL ? shown : "");
  if (shown != NULL && loy_ledger_entry_get_reversed (entry))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static GtkWidget *
ledger_reverse_button_new (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  gtk_widget_set_tooltip_text (button, _("Reverse Entry…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* Entries that can still be reversed get the button, aimed at them. */
static void
ledger_reverse_button_bind (GtkWidget      *button,
                            LoyLedgerEntry *entry)
{
  LoyLedgerEntryType type = loy_ledger_entry_get_entry_type (entry);
  gboolean reversible = !loy_paged_model_is_placeholder (entry) &&
                        !loy_ledger_entry_get_reversed (entry) &&
                        type != LOY_LEDGER_ENTRY_TYPE_REVERSAL &&
                        type != LOY_LEDGER_ENTRY_TYPE_EXPIRY;

  gtk_widget_set_visible (button, reversible);
  if (reversible)
    {
      /* The target first: the action takes a parameter. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        loy_ledger_entry_get_uuid (entry));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "contact.reverse");
    }
}

static void
ledger_reverse_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, ledger_reverse_button_new ());
}

static void
ledger_reverse_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  ledger_reverse_button_bind (gtk_list_item_get_child (list_item),
                              gtk_list_item_get_item (list_item));
}

static void
loy_contact_history_page_add_columns (LoyContactHistoryPage *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkColumnViewColumn) reverse_column = NULL;

  loy_column_spec_append_columns (ledger_columns, self->ledger_view, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (ledger_reverse_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (ledger_reverse_bind_cb), NULL);
  reverse_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->ledger_view, reverse_column);
}

/* The narrow list: one row per entry, the type and its points over the
 * date and details, and the reverse button. */
static void
ledger_row_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = ledger_label_new (FALSE);
  GtkWidget *subtitle = ledger_label_new (FALSE);
  GtkWidget *points = ledger_label_new (TRUE);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), points);
  gtk_box_append (GTK_BOX (row), ledger_reverse_button_new ());
  gtk_list_item_set_child (list_item, row);
}

static void
ledger_row_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  LoyLedgerEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *points = gtk_widget_get_next_sibling (text);

  GtkWidget *subtitle = gtk_widget_get_last_child (text);

  ledger_label_show (gtk_widget_get_first_child (text), entry, ledger_entry_dup_type);
  ledger_label_show (subtitle, entry, ledger_entry_dup_subtitle);
  /* The subtitle stays dim, reversed or not, and shows what it cuts short. */
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_tooltip_text (subtitle, gtk_label_get_text (GTK_LABEL (subtitle)));
  ledger_label_show (points, entry, ledger_entry_dup_credits);
  gtk_widget_remove_css_class (points, "error");
  gtk_widget_remove_css_class (points, "success");
  if (!loy_paged_model_is_placeholder (entry))
    gtk_widget_add_css_class (points, ledger_entry_credits_style (entry));
  ledger_reverse_button_bind (gtk_widget_get_next_sibling (points), entry);
}

static void
loy_contact_history_page_setup_list (LoyContactHistoryPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (ledger_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (ledger_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->ledger_list, factory);
  g_object_unref (factory);
}

static void
loy_contact_history_page_update_state (LoyContactHistoryPage *self)
{
  gboolean empty = loy_paged_model_get_loaded (self->ledger) &&
                   !loy_paged_model_get_loading (self->ledger) &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->ledger)) == 0;

  /* A read that gave up says why, with Try Again for this list alone. */
  gtk_stack_set_visible_child_name (self->ledger_stack,
                                    loy_paged_model_get_error (self->ledger) != NULL ? "error"
                                    : empty ? "empty" : "list");
}

/* The store lists only the chosen type, as it does for every other filter. */
static void
type_filter_changed_cb (LoyContactHistoryPage *self,
                        GParamSpec            *pspec,
                        GtkDropDown           *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(LoyQuery) query = NULL;

  if (self->ledger == NULL)
    return;

  query = loy_query_copy (loy_paged_model_get_query (self->ledger));
  /* Item 0 of the dropdown is "All entries"; then the types in order. */
  query->ledger_types = selected > 0 && selected != GTK_INVALID_LIST_POSITION ? 1u << (selected - 1) : 0;
  if (query->ledger_types != loy_paged_model_get_query (self->ledger)->ledger_types)
    loy_paged_model_set_query (self->ledger, query);
}

static gboolean
loy_contact_history_page_setup (LoyContactPage *page,
                                LoyStore       *store,
                                LoyContact     *contact)
{
  LoyContactHistoryPage *self = LOY_CONTACT_HISTORY_PAGE (page);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);

  g_return_val_if_fail (self->ledger == NULL, FALSE);

  query->parent_uuid = g_strdup (loy_contact_get_uuid (contact));
  self->ledger = loy_paged_model_new (store, query);
  gtk_no_selection_set_model (self->ledger_selection, G_LIST_MODEL (self->ledger));
  g_signal_connect_object (self->ledger, "items-changed",
                           G_CALLBACK (loy_contact_history_page_update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ledger, "notify::loading",
                           G_CALLBACK (loy_contact_history_page_update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ledger, "notify::error",
                           G_CALLBACK (loy_contact_history_page_update_state), self,
                           G_CONNECT_SWAPPED);
  loy_load_error_page_set_model (self->error_page, self->ledger);

  gtk_widget_set_visible (self->export_button, loy_store_can (store, LOY_STORE_CAN_EXPORT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export",
                                 loy_store_can (store, LOY_STORE_CAN_EXPORT));

  return loy_store_can (store, LOY_STORE_CAN_LIST_LEDGER);
}

/* Every write adds an entry: the history is read again at once. */
static void
loy_contact_history_page_reload (LoyContactPage *page)
{
  loy_paged_model_reload (LOY_CONTACT_HISTORY_PAGE (page)->ledger);
}

static void
contact_page_iface_init (LoyContactPageInterface *iface)
{
  iface->setup = loy_contact_history_page_setup;
  iface->reload = loy_contact_history_page_reload;
}

static char *
describe_entries (gint64 n_entries)
{
  g_autofree char *count = loy_format_count (n_entries);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s entry", "%s entries", n_entries), count);
}

/* The contact's whole history, whichever type the list shows */
static void
loy_contact_history_page_export_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LoyContactHistoryPage *self = LOY_CONTACT_HISTORY_PAGE (widget);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_LEDGER);

  export->uuid = g_strdup (loy_paged_model_get_query (self->ledger)->parent_uuid);
  loy_export_task_start (self->task_bar, loy_paged_model_get_store (self->ledger), export,
                         _("Export Points History"), _("points-history.csv"), describe_entries);
}

static void
loy_contact_history_page_dispose (GObject *object)
{
  LoyContactHistoryPage *self = LOY_CONTACT_HISTORY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CONTACT_HISTORY_PAGE);
  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (loy_contact_history_page_parent_class)->dispose (object);
}

static void
loy_contact_history_page_class_init (LoyContactHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_contact_history_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contact-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, ledger_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, ledger_view);
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, ledger_list);
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, ledger_selection);
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, task_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyContactHistoryPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, type_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "history.export", NULL,
                                   loy_contact_history_page_export_action);

  g_type_ensure (LOY_TYPE_TASK_BAR);
  g_type_ensure (LOY_TYPE_LOAD_ERROR_PAGE);
}

static void
loy_contact_history_page_init (LoyContactHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_contact_history_page_add_columns (self);
  loy_contact_history_page_setup_list (self);
}

/* Returns: (transfer none) (nullable): the contact's entries; %NULL before setup */
LoyPagedModel *
loy_contact_history_page_get_ledger (LoyContactHistoryPage *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_HISTORY_PAGE (self), NULL);

  return self->ledger;
}
