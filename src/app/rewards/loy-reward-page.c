/* loy-reward-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-reward-page.h"

G_DEFINE_INTERFACE (LoyRewardPage, loy_reward_page, GTK_TYPE_WIDGET)

static void
loy_reward_page_default_init (LoyRewardPageInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_string ("problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)));
}

void
loy_reward_page_load (LoyRewardPage *self,
                      LoyReward     *reward)
{
  g_return_if_fail (LOY_IS_REWARD_PAGE (self));
  g_return_if_fail (LOY_IS_REWARD (reward));

  LOY_REWARD_PAGE_GET_IFACE (self)->load (self, reward);
}

void
loy_reward_page_apply (LoyRewardPage *self,
                       LoyReward     *reward)
{
  g_return_if_fail (LOY_IS_REWARD_PAGE (self));
  g_return_if_fail (LOY_IS_REWARD (reward));

  LOY_REWARD_PAGE_GET_IFACE (self)->apply (self, reward);
}

/* Returns: (nullable): why the page's input cannot be saved yet */
const char *
loy_reward_page_get_problem (LoyRewardPage *self)
{
  g_autofree char *problem = NULL;

  g_return_val_if_fail (LOY_IS_REWARD_PAGE (self), NULL);

  /* Every page keeps its problem as an interned string. */
  g_object_get (self, "problem", &problem, NULL);

  return g_intern_string (problem);
}
