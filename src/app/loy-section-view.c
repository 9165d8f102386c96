/* loy-section-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-export-task.h"
#include "loy-format.h"
#include "loy-load-error-page.h"
#include "loy-section-view.h"

/* One section of the window: a searchable table of one kind of record.
 * Every section (rewards/loy-rewards-section, contacts/loy-contacts-section…)
 * embeds one and gives it its columns, its empty texts and its buttons. */

struct _LoySectionView
{
  GtkWidget       parent_instance;

  LoyKind              kind;
  gboolean             compact;
  LoyStore            *store;
  LoyPagedModel       *model;
  const LoyColumnSpec *columns;
  LoySectionCountFunc  count_func;
  char                *empty_icon_name;
  char                *empty_title;
  char                *empty_description;
  /* Held by the actions box: the list's filters, named on the empty page */
  LoyFilterButton     *filter_button;

  /* Template widgets */
  GtkWidget      *search_clamp;
  GtkWidget      *search_entry;
  GtkLabel       *result_count_label;
  GtkBox         *actions_box;
  LoyTaskBar     *task_bar;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  GtkColumnView  *column_view;
  GtkNoSelection *selection;
  AdwStatusPage  *empty_page;
  GtkWidget      *clear_filters_button;
  LoyLoadErrorPage *error_page;
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoySectionView, loy_section_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_KIND,
  PROP_COMPACT,
  PROP_STORE,
  PROP_MODEL,
  PROP_STATE,
  PROP_LISTABLE,
  PROP_SEARCH_PLACEHOLDER,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

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

  if (!failed && self->count_func != NULL &&
      loy_query_has_filter (loy_paged_model_get_query (self->model)))
    text = self->count_func (g_list_model_get_n_items (G_LIST_MODEL (self->model)));

  if (text != NULL)
    gtk_label_set_label (self->result_count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_count_label), text != NULL);
}

static void
loy_section_view_update_state (LoySectionView *self)
{
  const GError *error = NULL;
  const char *state;

  if (self->model != NULL)
    error = loy_paged_model_get_error (self->model);

  if (error != NULL)
    state = "error";
  else if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    state = "list";
  else if (self->model == NULL ||
           !loy_paged_model_get_loaded (self->model) ||
           loy_paged_model_get_loading (self->model))
    state = "loading";
  else if (loy_query_has_filter (loy_paged_model_get_query (self->model)))
    {
      /* Records exist, only none that match: say which filters hide them. */
      const char *filters = self->filter_button != NULL
                            ? loy_filter_button_get_summary (self->filter_button) : NULL;
      g_autofree char *description = NULL;

      if (filters != NULL)
        /* Translators: %s names the filters set, "Type: Cashback · Category: Food" */
        description = g_strdup_printf (_("Nothing matches the filters %s."), filters);
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, description != NULL
                                                         ? description
                                                         : _("Try a different search or filter."));
      gtk_widget_set_visible (self->clear_filters_button, filters != NULL);
      state = "empty";
    }
  else
    {
      gtk_widget_set_visible (self->clear_filters_button, FALSE);
      adw_status_page_set_icon_name (self->empty_page, self->empty_icon_name);
      adw_status_page_set_title (self->empty_page, self->empty_title);
      adw_status_page_set_description (self->empty_page, self->empty_description);
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
clear_filters_clicked_cb (LoySectionView *self)
{
  loy_filter_button_clear (self->filter_button);
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
  loy_load_error_page_set_model (self->error_page, model);
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
loy_section_view_finalize (GObject *object)
{
  LoySectionView *self = LOY_SECTION_VIEW (object);

  g_free (self->empty_icon_name);
  g_free (self->empty_title);
  g_free (self->empty_description);

  G_OBJECT_CLASS (loy_section_view_parent_class)->finalize (object);
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

    case PROP_LISTABLE:
      g_value_set_boolean (value, loy_section_view_get_listable (self));
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;

    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, self->empty_icon_name);
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, self->empty_title);
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, self->empty_description);
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

    case PROP_SEARCH_PLACEHOLDER:
      g_object_set_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;

    case PROP_EMPTY_ICON_NAME:
      g_free (self->empty_icon_name);
      self->empty_icon_name = g_value_dup_string (value);
      loy_section_view_update_state (self);
      break;

    case PROP_EMPTY_TITLE:
      g_free (self->empty_title);
      self->empty_title = g_value_dup_string (value);
      loy_section_view_update_state (self);
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_free (self->empty_description);
      self->empty_description = g_value_dup_string (value);
      loy_section_view_update_state (self);
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
  if (item != NULL && !loy_paged_model_is_placeholder (item))
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
loy_section_view_class_init (LoySectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_section_view_dispose;
  object_class->finalize = loy_section_view_finalize;
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

  /* Without a store, or with one that can list the kind: whether the
   * section has anything to show. */
  properties [PROP_LISTABLE] =
    g_param_spec_boolean ("listable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /* The status page of a kind without records yet */
  properties [PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A record of the list was clicked or chosen with the keyboard. */
  signals [ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (LOY_TYPE_TASK_BAR);
  g_type_ensure (LOY_TYPE_LOAD_ERROR_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, search_clamp);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, result_count_label);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, task_bar);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, selection);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, LoySectionView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_clicked_cb);
}

/* <child type="action"> puts a widget beside the search entry, and
 * <child type="filters"> the list's #LoyFilterButton there. */
static void
loy_section_view_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  if (g_strcmp0 (type, "action") == 0)
    loy_section_view_add_action_widget (LOY_SECTION_VIEW (buildable), GTK_WIDGET (child));
  else if (g_strcmp0 (type, "filters") == 0)
    loy_section_view_set_filter_button (LOY_SECTION_VIEW (buildable), LOY_FILTER_BUTTON (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = loy_section_view_add_child;
}

static void
loy_section_view_init (LoySectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_view_update_state (self);
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

/* @label without its mnemonic's underscores ("__" is one). */
static char *
label_without_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    if (*c != '_' || *++c != '\0')
      g_string_append_c (text, *c);
    else
      break;

  return g_string_free (text, FALSE);
}

/* An action button that shows an icon and a label (an AdwButtonContent)
 * keeps only its icon where the header is short of room, and at phone width
 * whatever the room, so the search gets it. The label then becomes its
 * tooltip, unless it has one of its own. Its smallest width is the icon's
 * from the start: a longer translation must not hold the window wider than
 * a phone until it has folded. */
typedef struct
{
  GtkWidget *squeezer;
  GtkWidget *content;
  char      *label;
  gboolean   own_tooltip;
} Collapsible;

static void
collapsible_free (Collapsible *collapsible)
{
  g_clear_object (&collapsible->squeezer);
  g_free (collapsible->label);
  g_free (collapsible);
}

static void
update_tooltip (GtkButton *button)
{
  Collapsible *collapsible = g_object_get_data (G_OBJECT (button), "loy-collapsible");
  gboolean label_shown = gtk_button_get_child (button) == collapsible->squeezer &&
                         adw_squeezer_get_visible_child (ADW_SQUEEZER (collapsible->squeezer)) ==
                         collapsible->content;

  if (!collapsible->own_tooltip)
    gtk_widget_set_tooltip_text (GTK_WIDGET (button), label_shown ? NULL : collapsible->label);
}

static void
make_collapsible (GtkButton *button)
{
  Collapsible *collapsible;
  AdwButtonContent *content;
  GtkWidget *icon;

  if (!ADW_IS_BUTTON_CONTENT (gtk_button_get_child (button)))
    return;

  content = ADW_BUTTON_CONTENT (gtk_button_get_child (button));
  collapsible = g_new0 (Collapsible, 1);
  collapsible->content = GTK_WIDGET (content);
  collapsible->label = label_without_mnemonic (adw_button_content_get_label (content));
  collapsible->own_tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL;
  collapsible->squeezer = g_object_ref_sink (adw_squeezer_new ());
  g_object_set_data_full (G_OBJECT (button), "loy-collapsible", collapsible,
                          (GDestroyNotify) collapsible_free);

  g_object_ref (content);
  gtk_button_set_child (button, NULL);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (collapsible->squeezer),
                                    ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (collapsible->squeezer), GTK_WIDGET (content));
  g_object_unref (content);
  icon = gtk_image_new_from_icon_name (adw_button_content_get_icon_name (content));
  adw_squeezer_add (ADW_SQUEEZER (collapsible->squeezer), icon);
  g_signal_connect_object (collapsible->squeezer, "notify::visible-child",
                           G_CALLBACK (update_tooltip), button, G_CONNECT_SWAPPED);
  gtk_button_set_child (button, collapsible->squeezer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  collapsible->label, -1);
}

/* A squeezer is as wide as its widest page: at phone width the icon alone. */
static void
show_action_labels (LoySectionView *self,
                    gboolean        show)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Collapsible *collapsible = g_object_get_data (G_OBJECT (child), "loy-collapsible");
      AdwButtonContent *content;

      if (collapsible == NULL)
        continue;

      content = ADW_BUTTON_CONTENT (collapsible->content);
      if (show)
        gtk_button_set_child (GTK_BUTTON (child), collapsible->squeezer);
      else
        gtk_button_set_icon_name (GTK_BUTTON (child), adw_button_content_get_icon_name (content));
      update_tooltip (GTK_BUTTON (child));
    }
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
  if (self->columns != NULL)
    loy_column_spec_set_compact (self->columns, self->column_view, compact);
  show_action_labels (self, !compact);
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

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, loy_section_view_reload, self);
  g_set_object (&self->store, store);
  /* Whichever window wrote, the list shows it (a new reward's code group,
   * a contact's new balance). */
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (loy_section_view_reload), self,
                             G_CONNECT_SWAPPED);

  set_model (self, NULL);
  if (store != NULL && loy_store_can (store, loy_kind_get_list_capability (self->kind)))
    gtk_widget_set_visible (self->search_clamp, loy_store_can (store, LOY_STORE_CAN_SEARCH));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LISTABLE]);

  /* After ::notify::store, so a section has settled on the new store
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
  if (GTK_IS_BUTTON (widget))
    make_collapsible (GTK_BUTTON (widget));
  show_action_labels (self, !self->compact);
}

void
loy_section_view_set_filter_button (LoySectionView  *self,
                                    LoyFilterButton *filter_button)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (LOY_IS_FILTER_BUTTON (filter_button));
  g_return_if_fail (self->filter_button == NULL);

  self->filter_button = filter_button;
  loy_section_view_add_action_widget (self, GTK_WIDGET (filter_button));
  g_signal_connect_object (filter_button, "notify::summary",
                           G_CALLBACK (loy_section_view_update_state), self, G_CONNECT_SWAPPED);
}

LoyFilterButton *
loy_section_view_get_filter_button (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), NULL);

  return self->filter_button;
}

/* Without a store (the window shows a status page then), or with one that
 * can list the section's kind. */
gboolean
loy_section_view_get_listable (LoySectionView *self)
{
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (self), FALSE);

  return self->store == NULL || loy_store_can (self->store, loy_kind_get_list_capability (self->kind));
}

/* The section's columns, once, from its init; @columns outlives the view
 * (a static table). */
void
loy_section_view_set_columns (LoySectionView      *self,
                              const LoyColumnSpec *columns)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (columns != NULL);
  g_return_if_fail (self->columns == NULL);

  self->columns = columns;
  loy_column_spec_append_columns (columns, self->column_view, G_OBJECT (self));
  loy_column_spec_set_compact (columns, self->column_view, self->compact);
}

/* A column of the section's own making (one whose cells change after they
 * are bound), after those of its spec; hidden at phone width, as a
 * secondary column is. */
void
loy_section_view_append_column (LoySectionView      *self,
                                GtkColumnViewColumn *column)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  gtk_column_view_column_set_resizable (column, TRUE);
  g_object_bind_property (self, "compact", column, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_column_view_append_column (self->column_view, column);
}

/* How a search or filter's results are counted under the search ("1,234
 * contacts"); without one they are not. */
void
loy_section_view_set_count_func (LoySectionView      *self,
                                 LoySectionCountFunc  count_func)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));

  self->count_func = count_func;
  update_result_count (self, FALSE);
}

/**
 * loy_section_view_find:
 * @section: a section of the window, such as a LoyRewardsSection
 *
 * Returns: (nullable): the list @section embeds (@section itself if it is
 *   one), or %NULL for a view without a list (the overview)
 */
LoySectionView *
loy_section_view_find (GtkWidget *section)
{
  g_return_val_if_fail (!section || GTK_IS_WIDGET (section), NULL);

  if (section == NULL || LOY_IS_SECTION_VIEW (section))
    return (LoySectionView *) section;

  for (GtkWidget *child = gtk_widget_get_first_child (section);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LoySectionView *found = loy_section_view_find (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * loy_section_view_export:
 * @self: a #LoySectionView
 * @export: what to write
 * @title: the save dialog's title
 * @file_name: the name it offers
 * @describe: what the rows written are ("12,345 contacts")
 *
 * Export… of a section's menu: the file is chosen, then written from the
 * section's store with progress and Cancel under the search.
 */
void
loy_section_view_export (LoySectionView        *self,
                         const LoyExport       *export,
                         const char            *title,
                         const char            *file_name,
                         LoyExportDescribeFunc  describe)
{
  g_return_if_fail (LOY_IS_SECTION_VIEW (self));
  g_return_if_fail (self->store != NULL);

  loy_export_task_start (self->task_bar, self->store, export, title, file_name, describe);
}
