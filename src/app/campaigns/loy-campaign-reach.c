/* loy-campaign-reach.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-reach.h"
#include "loy-format.h"

struct _LoyCampaignReach
{
  GObject       parent_instance;

  LoyStore     *store;
  gboolean      active;
  /* UUID → the count (gint64), LOY_UNSET while it waits or is made */
  GHashTable   *counts;
  /* The campaigns waiting, in the order their rows came into view */
  GQueue        waiting;
  /* The count under way, if any */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LoyCampaignReach, loy_campaign_reach, G_TYPE_OBJECT)

enum {
  COUNTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void count_next (LoyCampaignReach *self);

static void
set_count (LoyCampaignReach *self,
           const char       *uuid,
           gint64            count)
{
  g_hash_table_insert (self->counts, g_strdup (uuid), g_memdup2 (&count, sizeof count));
}

/* A count under way: the reach waits for it even once it went away. */
typedef struct
{
  LoyCampaignReach *self;
  LoyCampaign      *campaign;
} Counting;

static void
counting_free (Counting *counting)
{
  g_object_unref (counting->self);
  g_object_unref (counting->campaign);
  g_free (counting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Counting, counting_free)

static void
reach_counted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Counting) counting = user_data;
  LoyCampaignReach *self = counting->self;
  LoyCampaign *campaign = counting->campaign;
  g_autoptr(GError) error = NULL;
  gint64 reached = loy_store_count_campaign_reach_finish (LOY_STORE (object), result, &error);

  /* Dropped with every count (the store changed, the reach went away). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (reached < 0)
    {
      if (!g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED))
        g_warning ("Could not count the reach of “%s”: %s", loy_campaign_get_name (campaign),
                   error->message);
      reached = LOY_CAMPAIGN_REACH_UNKNOWN;
    }

  set_count (self, loy_campaign_get_uuid (campaign), reached);
  g_signal_emit (self, signals[COUNTED], 0, loy_campaign_get_uuid (campaign));
  count_next (self);
}

/* One count at a time: the store's one worker runs the list's page reads
 * between them. */
static void
count_next (LoyCampaignReach *self)
{
  Counting *counting;
  LoyCampaign *campaign;

  if (self->cancellable != NULL || !self->active || self->store == NULL ||
      (campaign = g_queue_pop_head (&self->waiting)) == NULL)
    return;

  counting = g_new (Counting, 1);
  *counting = (Counting) { g_object_ref (self), campaign };
  self->cancellable = g_cancellable_new ();
  loy_store_count_campaign_reach_async (self->store, campaign, self->cancellable,
                                        reach_counted_cb, counting);
}

/* Every count is made again, for the rows still in view. */
static void
drop_counts (LoyCampaignReach *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->waiting, g_object_unref);
  g_hash_table_remove_all (self->counts);
  g_signal_emit (self, signals[COUNTED], 0, NULL);
}

static void
loy_campaign_reach_dispose (GObject *object)
{
  LoyCampaignReach *self = LOY_CAMPAIGN_REACH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->waiting, g_object_unref);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, drop_counts, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_campaign_reach_parent_class)->dispose (object);
}

static void
loy_campaign_reach_finalize (GObject *object)
{
  LoyCampaignReach *self = LOY_CAMPAIGN_REACH (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (loy_campaign_reach_parent_class)->finalize (object);
}

static void
loy_campaign_reach_class_init (LoyCampaignReachClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = loy_campaign_reach_dispose;
  object_class->finalize = loy_campaign_reach_finalize;

  signals [COUNTED] =
    g_signal_new ("counted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
loy_campaign_reach_init (LoyCampaignReach *self)
{
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_queue_init (&self->waiting);
}

LoyCampaignReach *
loy_campaign_reach_new (void)
{
  return g_object_new (LOY_TYPE_CAMPAIGN_REACH, NULL);
}

void
loy_campaign_reach_set_store (LoyCampaignReach *self,
                              LoyStore         *store)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_REACH (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, drop_counts, self);
  g_set_object (&self->store, store);
  /* A write anywhere (a new level, points that move a contact up) may
   * change whom a target reaches. */
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (drop_counts), self, G_CONNECT_SWAPPED);
  drop_counts (self);
}

void
loy_campaign_reach_set_active (LoyCampaignReach *self,
                               gboolean          active)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_REACH (self));

  self->active = !!active;
  count_next (self);
}

gint64
loy_campaign_reach_lookup (LoyCampaignReach *self,
                           LoyCampaign      *campaign)
{
  const char *uuid;
  gint64 *count;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_REACH (self), LOY_CAMPAIGN_REACH_UNKNOWN);
  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), LOY_CAMPAIGN_REACH_UNKNOWN);

  uuid = loy_campaign_get_uuid (campaign);
  if ((count = g_hash_table_lookup (self->counts, uuid)) != NULL)
    return *count;

  set_count (self, uuid, LOY_UNSET);
  g_queue_push_tail (&self->waiting, g_object_ref (campaign));
  count_next (self);

  return LOY_UNSET;
}

static gint
compare_uuid (gconstpointer campaign,
              gconstpointer uuid)
{
  return g_strcmp0 (loy_campaign_get_uuid ((LoyCampaign *) campaign), uuid);
}

void
loy_campaign_reach_forget (LoyCampaignReach *self,
                           const char       *uuid)
{
  GList *link;

  g_return_if_fail (LOY_IS_CAMPAIGN_REACH (self));
  g_return_if_fail (uuid != NULL);

  if ((link = g_queue_find_custom (&self->waiting, uuid, compare_uuid)) == NULL)
    return;

  g_object_unref (link->data);
  g_queue_delete_link (&self->waiting, link);
  g_hash_table_remove (self->counts, uuid);
}

/* The column */

static void
show_count (GtkListItem      *list_item,
            LoyCampaignReach *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  gint64 reached;

  if (item == NULL || loy_paged_model_is_placeholder (item))
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      return;
    }

  reached = loy_campaign_reach_lookup (self, LOY_CAMPAIGN (item));
  if (reached == LOY_UNSET)
    /* Translators: in the Reach column while the contacts are counted */
    text = g_strdup (C_("reach", "…"));
  else if (reached == LOY_CAMPAIGN_REACH_UNKNOWN)
    text = g_strdup ("—");
  else
    text = loy_format_count (reached);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, reached == LOY_UNSET ? _("Counting the contacts it reaches…") : NULL);
  if (reached == LOY_UNSET)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
counted_cb (LoyCampaignReach *self,
            const char       *uuid,
            GtkListItem      *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (uuid == NULL ||
      (item != NULL && !loy_paged_model_is_placeholder (item) &&
       g_str_equal (loy_campaign_get_uuid (LOY_CAMPAIGN (item)), uuid)))
    show_count (list_item, self);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LoyCampaignReach         *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LoyCampaignReach         *self)
{
  g_signal_connect_object (self, "counted", G_CALLBACK (counted_cb), list_item, 0);
  show_count (list_item, self);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LoyCampaignReach         *self)
{
  GObject *item = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (self, counted_cb, list_item);
  /* Scrolled past before its turn came. */
  if (item != NULL && !loy_paged_model_is_placeholder (item))
    loy_campaign_reach_forget (self, loy_campaign_get_uuid (LOY_CAMPAIGN (item)));
}

GtkColumnViewColumn *
loy_campaign_reach_new_column (LoyCampaignReach *self)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_REACH (self), NULL);

  factory = gtk_signal_list_item_factory_new ();
  /* The column view owns the factory; the section owns both and @self. */
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);

  return gtk_column_view_column_new (_("Reach"), factory);
}
