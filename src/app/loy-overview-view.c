/* loy-overview-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-overview-view.h"

/* The program's figures as large numbers, each counted by the store. */

typedef guint (*CountFunc) (LoyPage *page);

typedef struct
{
  LoyKind     kind;
  const char *section;
  const char *icon_name;
  const char *caption;
  guint       limit;
  CountFunc   count;
} CardSpec;

struct _LoyOverviewView
{
  GtkWidget     parent_instance;

  LoyStore     *store;
  GCancellable *cancellable;
  guint         n_pending;

  /* Template widgets */
  GtkFlowBox   *cards;
  AdwActionRow *source_row;
  GtkImage     *source_icon;
};

G_DEFINE_FINAL_TYPE (LoyOverviewView, loy_overview_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint
count_all (LoyPage *page)
{
  return page->total;
}

/* Campaigns are few: one page holds them all. */
static guint
count_active_campaigns (LoyPage *page)
{
  guint n_active = 0;

  for (guint i = 0; i < page->items->len; i++)
    if (loy_campaign_get_is_active (g_ptr_array_index (page->items, i)))
      n_active++;

  return n_active;
}

static const CardSpec card_specs[] = {
  { LOY_KIND_REWARD, "rewards", "starred-symbolic", N_("Rewards"), 1, count_all },
  { LOY_KIND_CAMPAIGN, "campaigns", "emblem-favorite-symbolic", N_("Active campaigns"),
    500, count_active_campaigns },
  { LOY_KIND_CONTACT, "contacts", "system-users-symbolic", N_("Contacts"), 1, count_all },
  { LOY_KIND_CODE_GROUP, "code-groups", "dialog-password-symbolic", N_("Code groups"),
    1, count_all },
};

typedef struct
{
  LoyOverviewView *self;
  guint            index;
} CountRequest;

static GtkLabel *
loy_overview_view_get_number_label (LoyOverviewView *self,
                                    guint            index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->cards, index);
  GtkWidget *box = gtk_flow_box_child_get_child (child);

  /* icon, number, caption */
  return GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
}

static void
loy_overview_view_add_cards (LoyOverviewView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (card_specs); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *image = gtk_image_new_from_icon_name (card_specs[i].icon_name);
      GtkWidget *number = gtk_label_new ("–");
      GtkWidget *caption = gtk_label_new (_(card_specs[i].caption));

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "activatable");
      gtk_widget_add_css_class (box, "overview-card");
      gtk_widget_set_halign (image, GTK_ALIGN_START);
      gtk_widget_add_css_class (image, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (number), 0.0f);
      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "numeric");
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (caption, "dim-label");

      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_flow_box_append (self->cards, box);
    }
}

static void
loy_overview_view_request_done (LoyOverviewView *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CountRequest *request = user_data;
  g_autoptr(LoyOverviewView) self = request->self;
  guint index = request->index;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *number;

  g_free (request);

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  number = loy_overview_view_get_number_label (self, index);

  if (page != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%'u", card_specs[index].count (page));

      gtk_label_set_text (number, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (number), NULL);
    }
  else
    {
      gtk_label_set_text (number, "–");
      gtk_widget_set_tooltip_text (GTK_WIDGET (number), error->message);
    }

  loy_overview_view_request_done (self);
}

static void
loy_overview_view_refresh (LoyOverviewView *self)
{
  g_autofree char *description = NULL;
  gboolean was_loading = self->n_pending > 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->n_pending = 0;

  if (self->store != NULL)
    {
      self->cancellable = g_cancellable_new ();
      description = loy_store_get_description (self->store);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row),
                                 description != NULL ? description : "");
  gtk_image_set_from_icon_name (self->source_icon,
                                self->store != NULL && LOY_IS_REST_STORE (self->store)
                                ? "network-server-symbolic" : "folder-symbolic");

  for (guint i = 0; i < G_N_ELEMENTS (card_specs); i++)
    {
      GtkWidget *child = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->cards, i));
      gboolean available = self->store != NULL &&
        loy_store_can (self->store, loy_kind_get_list_capability (card_specs[i].kind));
      g_autoptr(LoyQuery) query = NULL;
      CountRequest *request;

      gtk_label_set_text (loy_overview_view_get_number_label (self, i), "–");
      gtk_widget_set_visible (child, available);
      if (!available)
        continue;

      query = loy_query_new (card_specs[i].kind);
      request = g_new0 (CountRequest, 1);
      request->self = g_object_ref (self);
      request->index = i;
      self->n_pending++;
      loy_store_query_async (self->store, query, 0, card_specs[i].limit,
                             self->cancellable, query_cb, request);
    }

  if (was_loading != (self->n_pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
card_activated_cb (LoyOverviewView *self,
                   GtkFlowBoxChild *child,
                   GtkFlowBox      *cards)
{
  const CardSpec *spec = &card_specs[gtk_flow_box_child_get_index (child)];

  gtk_widget_activate_action (GTK_WIDGET (self), "win.section", "s", spec->section);
}

static void
loy_overview_view_dispose (GObject *object)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, loy_overview_view_refresh, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_OVERVIEW_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_overview_view_parent_class)->dispose (object);
}

static void
loy_overview_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, loy_overview_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_overview_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      loy_overview_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_overview_view_class_init (LoyOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_overview_view_dispose;
  object_class->get_property = loy_overview_view_get_property;
  object_class->set_property = loy_overview_view_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, cards);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, source_row);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, source_icon);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);
}

static void
loy_overview_view_init (LoyOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  loy_overview_view_add_cards (self);
  loy_overview_view_refresh (self);
}

LoyStore *
loy_overview_view_get_store (LoyOverviewView *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW_VIEW (self), NULL);

  return self->store;
}

void
loy_overview_view_set_store (LoyOverviewView *self,
                             LoyStore        *store)
{
  g_return_if_fail (LOY_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, loy_overview_view_refresh, self);
  g_set_object (&self->store, store);
  /* A record created, changed or deleted anywhere changes the counts. */
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (loy_overview_view_refresh), self,
                             G_CONNECT_SWAPPED);

  loy_overview_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

gboolean
loy_overview_view_get_loading (LoyOverviewView *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW_VIEW (self), FALSE);

  return self->n_pending > 0;
}
