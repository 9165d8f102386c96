/* loy-section-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-format.h"
#include "loy-section-view.h"

/* One section of the window: a searchable table of one kind of record.
 * Every kind shares this widget; what differs is the table of column
 * descriptions below. */

typedef char       *(*CellTextFunc) (gpointer item);
typedef const char *(*CellIconFunc) (gpointer item);

typedef gboolean    (*CellDimFunc)  (gpointer item);

typedef enum
{
  CELL_EXPAND    = 1 << 0,
  CELL_NUMERIC   = 1 << 1,
  /* hidden in compact mode (phone width), where the first column shows it
   * in a line under its own text instead */
  CELL_SECONDARY = 1 << 2,
} CellFlags;

typedef struct
{
  const char   *title;
  CellTextFunc  text;
  CellFlags     flags;
  CellIconFunc  icon;
  const char   *icon_tooltip;
  CellDimFunc   dim;
} ColumnSpec;

typedef struct
{
  const char       *icon_name;
  const char       *search_placeholder;
  const char       *empty_title;
  const char       *empty_description;
  const ColumnSpec *columns;
} SectionSpec;

struct _LoySectionView
{
  GtkWidget       parent_instance;

  LoyKind         kind;
  gboolean        compact;
  LoyStore       *store;
  LoyPagedModel  *model;

  /* Template widgets */
  GtkWidget      *search_clamp;
  GtkWidget      *search_entry;
  GtkLabel       *result_count_label;
  GtkBox         *actions_box;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  GtkColumnView  *column_view;
  GtkNoSelection *selection;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (LoySectionView, loy_section_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_COMPACT,
  PROP_STORE,
  PROP_MODEL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
format_active (gboolean active)
{
  return g_strdup (active ? _("Active") : _("Inactive"));
}

static char *
reward_title (gpointer item)
{
  return g_strdup (loy_reward_get_title (item));
}

static char *
reward_type (gpointer item)
{
  switch (loy_reward_get_reward_type (item))
    {
    case LOY_REWARD_TYPE_PHYSICAL:
      return g_strdup (_("Physical"));
    case LOY_REWARD_TYPE_DIGITAL:
      return g_strdup (_("Digital"));
    default:
      g_assert_not_reached ();
    }
}

static char *
reward_points (gpointer item)
{
  return loy_format_points (loy_reward_get_required_credits (item));
}

static char *
reward_active (gpointer item)
{
  return format_active (loy_reward_get_is_active (item));
}

static gboolean
reward_inactive (gpointer item)
{
  return !loy_reward_get_is_active (item);
}

static char *
reward_stock (gpointer item)
{
  gint64 stock = loy_reward_get_stock (item);

  /* A digital reward lasts as long as its codes do. */
  if (loy_reward_get_reward_type (item) == LOY_REWARD_TYPE_DIGITAL)
    {
      gint64 codes = loy_reward_get_codes_available (item);
      g_autofree char *count = NULL;

      /* A data source that does not count them */
      if (codes == LOY_UNSET)
        return g_strdup ("—");

      count = loy_format_count (codes);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s code", "%s codes", codes), count);
    }

  if (stock == LOY_UNSET)
    return g_strdup (_("Unlimited"));

  return loy_format_count (stock);
}

static char *
campaign_name (gpointer item)
{
  return g_strdup (loy_campaign_get_name (item));
}

static char *
campaign_type (gpointer item)
{
  return g_strdup (loy_campaign_type_get_label (loy_campaign_get_campaign_type (item)));
}

static char *
campaign_active (gpointer item)
{
  return format_active (loy_campaign_get_is_active (item));
}

static gboolean
campaign_inactive (gpointer item)
{
  return !loy_campaign_get_is_active (item);
}

static char *
code_group_name (gpointer item)
{
  return g_strdup (loy_code_group_get_name (item));
}

static char *
code_group_reward (gpointer item)
{
  return g_strdup (loy_code_group_get_reward_title (item));
}

/* When the codes run out at the last 30 days' rate. */
static char *
code_group_runs_out (gpointer item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) empty_at = loy_code_group_forecast_empty_at (item, now);

  if (loy_code_group_get_available (item) == 0)
    return g_strdup (_("No codes left"));

  /* No redemptions lately: no date to foresee. */
  if (empty_at == NULL)
    return g_strdup ("—");

  return loy_format_date (empty_at);
}

static char *
code_group_total (gpointer item)
{
  return loy_format_count (loy_code_group_get_total (item));
}

static char *
code_group_available (gpointer item)
{
  return loy_format_count (loy_code_group_get_available (item));
}

static const char *
code_group_low_stock_icon (gpointer item)
{
  return loy_code_group_is_low_on_stock (item) ? "dialog-warning-symbolic" : NULL;
}

static char *
code_group_issued (gpointer item)
{
  return loy_format_count (loy_code_group_get_issued (item));
}

static char *
contact_name (gpointer item)
{
  return g_strdup (loy_contact_get_display_name (item));
}

static char *
contact_email (gpointer item)
{
  return g_strdup (loy_contact_get_email (item));
}

static char *
contact_level (gpointer item)
{
  return g_strdup (loy_contact_get_level_name (item));
}

static char *
contact_balance (gpointer item)
{
  return loy_format_points (loy_contact_get_balance (item));
}

static char *
level_name (gpointer item)
{
  return g_strdup (loy_level_get_name (item));
}

static char *
level_threshold (gpointer item)
{
  return loy_format_points (loy_level_get_threshold (item));
}

static char *
level_members (gpointer item)
{
  return loy_format_count (loy_level_get_n_contacts (item));
}

static char *
segment_name (gpointer item)
{
  return g_strdup (loy_segment_get_name (item));
}

static char *
segment_description (gpointer item)
{
  return g_strdup (loy_segment_get_description (item));
}

static char *
segment_members (gpointer item)
{
  return loy_format_count (loy_segment_get_n_contacts (item));
}

static const ColumnSpec reward_columns[] = {
  { N_("Title"), reward_title, CELL_EXPAND },
  { N_("Type"), reward_type, CELL_SECONDARY },
  { N_("Points"), reward_points, CELL_NUMERIC },
  { N_("Active"), reward_active, CELL_SECONDARY, NULL, NULL, reward_inactive },
  { N_("Stock"), reward_stock, CELL_NUMERIC | CELL_SECONDARY },
  { NULL }
};

static const ColumnSpec campaign_columns[] = {
  { N_("Name"), campaign_name, CELL_EXPAND },
  { N_("Type"), campaign_type, CELL_SECONDARY },
  { N_("Active"), campaign_active, 0, NULL, NULL, campaign_inactive },
  { NULL }
};

static const ColumnSpec code_group_columns[] = {
  { N_("Name"), code_group_name, CELL_EXPAND },
  { N_("Reward"), code_group_reward, CELL_EXPAND | CELL_SECONDARY },
  { N_("Total"), code_group_total, CELL_NUMERIC | CELL_SECONDARY },
  { N_("Available"), code_group_available, CELL_NUMERIC,
    code_group_low_stock_icon, N_("Running low on codes") },
  { N_("Issued"), code_group_issued, CELL_NUMERIC | CELL_SECONDARY },
  { N_("Runs Out"), code_group_runs_out, CELL_SECONDARY },
  { NULL }
};

static const ColumnSpec contact_columns[] = {
  { N_("Name"), contact_name, CELL_EXPAND },
  { N_("Email"), contact_email, CELL_EXPAND | CELL_SECONDARY },
  { N_("Level"), contact_level, CELL_SECONDARY },
  { N_("Balance"), contact_balance, CELL_NUMERIC },
  { NULL }
};

static const ColumnSpec level_columns[] = {
  { N_("Name"), level_name, CELL_EXPAND },
  { N_("Threshold"), level_threshold, CELL_NUMERIC },
  { N_("Members"), level_members, CELL_NUMERIC },
  { NULL }
};

static const ColumnSpec segment_columns[] = {
  { N_("Name"), segment_name, CELL_EXPAND },
  { N_("Description"), segment_description, CELL_EXPAND | CELL_SECONDARY },
  { N_("Members"), segment_members, CELL_NUMERIC },
  { NULL }
};

static const SectionSpec section_specs[LOY_N_KINDS] = {
  [LOY_KIND_REWARD] = {
    "starred-symbolic", N_("Search rewards"),
    N_("No Rewards Yet"),
    N_("Create your first reward with New Reward: something contacts can claim with their points."),
    reward_columns },
  [LOY_KIND_CAMPAIGN] = {
    "emblem-favorite-symbolic", N_("Search campaigns"),
    N_("No Campaigns Yet"), N_("Campaigns of the program appear here once one is created."),
    campaign_columns },
  [LOY_KIND_CODE_GROUP] = {
    "dialog-password-symbolic", N_("Search code groups"),
    N_("No Code Groups Yet"),
    N_("Each digital reward gets a group of codes to hand out: create a digital reward in Rewards first."),
    code_group_columns },
  [LOY_KIND_CONTACT] = {
    "system-users-symbolic", N_("Search by name or email"),
    N_("No Contacts Yet"),
    N_("Enroll your first customer with Enroll Contact; members of the program appear here."),
    contact_columns },
  [LOY_KIND_LEVEL] = {
    "network-cellular-signal-excellent-symbolic", N_("Search levels"),
    N_("No Levels Yet"),
    N_("Add levels that contacts reach by collecting points with New Level."),
    level_columns },
  [LOY_KIND_SEGMENT] = {
    "emoji-people-symbolic", N_("Search segments"),
    N_("No Segments Yet"),
    N_("Group contacts for targeting with New Segment, by balance, level or attributes."),
    segment_columns },
};

/* What a column's cells need: the first column's cells show the
 * secondary columns' texts in compact mode. */
typedef struct
{
  LoySectionView   *view;
  const ColumnSpec *spec;
  gboolean          is_first;
} ColumnCells;

static void
column_cells_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

/* A row whose page has not arrived yet is an empty object without a UUID. */
static gboolean
item_is_placeholder (GObject *item)
{
  g_autofree char *uuid = NULL;

  g_object_get (item, "uuid", &uuid, NULL);

  return uuid == NULL;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnCells              *cells)
{
  const ColumnSpec *spec = cells->spec;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  if (spec->icon != NULL)
    {
      GtkWidget *image = gtk_image_new ();

      gtk_widget_set_tooltip_text (image, _(spec->icon_tooltip));
      gtk_widget_add_css_class (image, "warning");
      gtk_box_append (GTK_BOX (box), image);
    }

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (spec->flags & CELL_NUMERIC)
    {
      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (cells->is_first)
    {
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *subtitle = gtk_label_new (NULL);

      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      g_object_bind_property (cells->view, "compact", subtitle, "visible", G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (lines), label);
      gtk_box_append (GTK_BOX (lines), subtitle);
      gtk_box_append (GTK_BOX (box), lines);
    }
  else
    gtk_box_append (GTK_BOX (box), label);

  gtk_list_item_set_child (list_item, box);
}

/* The secondary columns' texts, for the line under the first column's. */
static char *
dup_secondary_texts (const ColumnSpec *columns,
                     gpointer          item)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const ColumnSpec *column = columns; column->title != NULL; column++)
    {
      g_autofree char *text = NULL;

      if (!(column->flags & CELL_SECONDARY) || (text = column->text (item)) == NULL || text[0] == '\0')
        continue;

      if (line->len > 0)
        /* Translators: between the texts of the columns hidden at phone width, in a row's second line */
        g_string_append (line, _(" · "));
      g_string_append (line, text);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnCells              *cells)
{
  const ColumnSpec *spec = cells->spec;
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  gboolean placeholder = item_is_placeholder (item);
  g_autofree char *text = placeholder ? NULL : spec->text (item);

  if (cells->is_first)
    {
      GtkWidget *subtitle = gtk_widget_get_last_child (label);
      g_autofree char *secondary = placeholder ? NULL : dup_secondary_texts (spec, item);

      gtk_label_set_text (GTK_LABEL (subtitle), secondary != NULL ? secondary : "");
      label = gtk_widget_get_first_child (label);
    }

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (spec->dim != NULL && !placeholder && spec->dim (item))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");

  if (spec->icon != NULL)
    {
      GtkWidget *image = gtk_widget_get_first_child (box);
      const char *icon_name = placeholder ? NULL : spec->icon (item);

      gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
      gtk_widget_set_visible (image, icon_name != NULL);
    }
}

static void
loy_section_view_add_columns (LoySectionView *self)
{
  const SectionSpec *spec = &section_specs[self->kind];

  for (const ColumnSpec *column = spec->columns; column->title != NULL; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      ColumnCells *cells = g_new (ColumnCells, 1);

      /* The view owns its columns, and so their factories: it outlives them. */
      *cells = (ColumnCells) { self, column, column == spec->columns };
      g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup_cb), cells,
                             column_cells_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), cells);

      view_column = gtk_column_view_column_new (_(column->title), factory);
      gtk_column_view_column_set_expand (view_column, (column->flags & CELL_EXPAND) != 0);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_append_column (self->column_view, view_column);
    }

  g_object_set (self->search_entry, "placeholder-text", _(spec->search_placeholder), NULL);
}

static void
loy_section_view_update_columns (LoySectionView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  const ColumnSpec *spec = section_specs[self->kind].columns;

  for (guint i = 0; spec[i].title != NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_visible (column,
                                          !(self->compact && (spec[i].flags & CELL_SECONDARY)));
    }
}

/* "1,234 contacts": how many records a search or filter found, or NULL
 * for a kind whose section does not count them. */
static char *
format_result_count (LoyKind kind,
                     guint   n_results)
{
  g_autofree char *count = loy_format_count (n_results);

  switch ((int) kind)
    {
    case LOY_KIND_CONTACT:
      return g_strdup_printf (ngettext ("%s contact", "%s contacts", n_results), count);

    default:
      return NULL;
    }
}

/* Shown under the search once the store has answered, and kept as it is
 * while a fetch is under way, so it does not flicker as the user types. */
static void
update_result_count (LoySectionView *self,
                     gboolean        failed)
{
  g_autofree char *text = NULL;

  if (self->model == NULL)
    return;

  if (!failed &&
      (!loy_paged_model_get_loaded (self->model) || loy_paged_model_get_loading (self->model)))
    return;

  if (!failed && loy_query_has_filter (loy_paged_model_get_query (self->model)))
    text = format_result_count (self->kind,
                                g_list_model_get_n_items (G_LIST_MODEL (self->model)));

  if (text != NULL)
    gtk_label_set_label (self->result_count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_count_label), text != NULL);
}

static void
loy_section_view_update_state (LoySectionView *self)
{
  const SectionSpec *spec = &section_specs[self->kind];
  const GError *error = NULL;
  const char *state;

  if (self->model != NULL)
    error = loy_paged_model_get_error (self->model);

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      state = "error";
    }
  else if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    state = "list";
  else if (self->model == NULL ||
           !loy_paged_model_get_loaded (self->model) ||
           loy_paged_model_get_loading (self->model))
    state = "loading";
  else if (loy_query_has_filter (loy_paged_model_get_query (self->model)))
    {
      /* Records exist, only none that match. */
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("Try a different search or filter."));
      state = "empty";
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, spec->icon_name);
      adw_status_page_set_title (self->empty_page, _(spec->empty_title));
      adw_status_page_set_description (self->empty_page, _(spec->empty_description));
      state = "empty";
    }

  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  update_result_count (self, error != NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), state) != 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, state);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }
}

static void
search_changed_cb (LoySectionView *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->model != NULL)
    loy_paged_model_set_search (self->model, text[0] != '\0' ? text : NULL);
}

static void
stop_search_cb (LoySectionView *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
retry_clicked_cb (LoySectionView *self,
                  GtkButton      *button)
{
  if (self->model != NULL)
    loy_paged_model_reload (self->model);
}

static void
set_model (LoySectionView *self,
           LoyPagedModel  *model)
{
  if (!g_set_object (&self->model, model))
    return;

  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed",
                               G_CALLBACK (loy_section_view_update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::loading",
                               G_CALLBACK (loy_section_view_update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::loaded",
                               G_CALLBACK (loy_section_view_update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::error",
                               G_CALLBACK (loy_section_view_update_state), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (model));
  loy_section_view_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/* A section asks the store for its records only once it is first shown:
 * those out of sight cost nothing at start-up, where a segment's member
 * count alone scans every contact. */
static void
loy_section_view_ensure_model (LoySectionView *self)
{
  g_autoptr(LoyPagedModel) model = NULL;
  g_autoptr(LoyQuery) query = NULL;
  const char *search;

  if (self->model != NULL || self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !loy_store_can (self->store, loy_kind_get_list_capability (self->kind)))
    return;

  query = loy_query_new (self->kind);
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (loy_store_can (self->store, LOY_STORE_CAN_SEARCH) && search[0] != '\0')
    query->search = g_strdup (search);

  model = loy_paged_model_new (self->store, query);
  set_model (self, model);
}

static void
loy_section_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (loy_section_view_parent_class)->map (widget);

  loy_section_view_ensure_model (LOY_SECTION_VIEW (widget));
}

static void
loy_section_view_constructed (GObject *object)
{
  LoySectionView *self = LOY_SECTION_VIEW (object);

  G_OBJECT_CLASS (loy_section_view_parent_class)->constructed (object);

  loy_section_view_add_columns (self);
  loy_section_view_update_state (self);
}

static void
loy_section_view_dispose (GObject *object)
{
  LoySectionView *self = LOY_SECTION_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_SECTION_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_section_view_parent_class)->dispose (object);
}

static void
loy_section_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoySectionView *self = LOY_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_STATE:
      g_value_set_string (value, loy_section_view_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_section_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LoySectionView *self = LOY_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      /* Shops, codes, ledger entries and attributes have no section. */
      g_return_if_fail (g_value_get_enum (value) <= LOY_KIND_SEGMENT);
      self->kind = g_value_get_enum (value);
      break;

    case PROP_COMPACT:
      loy_section_view_set_compact (self, g_value_get_boolean (value));
      break;

    case PROP_STORE:
      loy_section_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
row_activated_cb (LoySectionView *self,
                  guint           position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  /* A placeholder row has no record behind it yet. */
  if (item != NULL && !item_is_placeholder (item))
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
loy_section_view_class_init (LoySectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loy_section_view_constructed;
  object_class->dispose = loy_section_view_dispose;
  object_class->get_property = loy_section_view_get_property;
  object_class->set_property = loy_section_view_set_property;

  widget_class->map = loy_section_view_map;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LOY_TYPE_KIND, LOY_KIND_REWARD,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Fewer columns, for phone widths. */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The records on show; %NULL until the section is first shown. */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         LOY_TYPE_PAGED_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A record of the list was clicked or chosen with the keyboard. */
  signals [ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, search_clamp);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, result_count_label);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, selection);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
loy_section_view_init (LoySectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyKind
loy_section_view_get_kind (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), LOY_KIND_REWARD);

  return self->kind;
}

gboolean
loy_section_view_get_compact (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), FALSE);

  return self->compact;
}

void
loy_section_view_set_compact (LoySectionView *self,
                              gboolean        compact)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  loy_section_view_update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPACT]);
}

LoyStore *
loy_section_view_get_store (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), NULL);

  return self->store;
}

void
loy_section_view_set_store (LoySectionView *self,
                            LoyStore       *store)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  set_model (self, NULL);
  if (store != NULL && loy_store_can (store, loy_kind_get_list_capability (self->kind)))
    gtk_widget_set_visible (self->search_clamp, loy_store_can (store, LOY_STORE_CAN_SEARCH));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);

  /* After ::notify::store, so a toolbar has settled on the new store
   * before it adds its filters to the new model. */
  loy_section_view_ensure_model (self);
}

LoyPagedModel *
loy_section_view_get_model (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), NULL);

  return self->model;
}

/* Reads the records again after a change, if they were read at all. */
void
loy_section_view_reload (LoySectionView *self)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));

  if (self->model != NULL)
    loy_paged_model_reload (self->model);
}

/**
 * loy_section_view_set_record_hidden:
 *
 * Leaves the record @uuid out of the list (one whose deletion waits behind
 * an Undo, say), or lets it back in.
 */
void
loy_section_view_set_record_hidden (LoySectionView *self,
                                    const char     *uuid,
                                    gboolean        hidden)
{
  g_autoptr(GStrvBuilder) excluded = g_strv_builder_new ();
  g_autoptr(LoyQuery) query = NULL;

  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (uuid != NULL);

  if (self->model == NULL)
    return;

  query = loy_query_copy (loy_paged_model_get_query (self->model));
  if ((query->exclude_uuids != NULL &&
       g_strv_contains ((const char * const *) query->exclude_uuids, uuid)) == hidden)
    return;

  for (guint i = 0; query->exclude_uuids != NULL && query->exclude_uuids[i] != NULL; i++)
    if (!g_str_equal (query->exclude_uuids[i], uuid))
      g_strv_builder_add (excluded, query->exclude_uuids[i]);
  if (hidden)
    g_strv_builder_add (excluded, uuid);

  g_strfreev (query->exclude_uuids);
  query->exclude_uuids = g_strv_builder_end (excluded);
  loy_paged_model_set_query (self->model, query);
}

GtkWidget *
loy_section_view_get_search_entry (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), NULL);

  return self->search_entry;
}

const char *
loy_section_view_get_state (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* Puts a button (or any widget) beside the search entry, for the section's
 * own actions. */
void
loy_section_view_add_action_widget (LoySectionView *self,
                                    GtkWidget      *widget)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->actions_box, widget);
}
