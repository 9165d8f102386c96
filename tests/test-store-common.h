/* test-store-common.h — one test body, run against every backend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-core.h"

G_BEGIN_DECLS

typedef struct
{
  LoyStore *store;
  gpointer  backend_data;  /* the backend's own fixture (a server, a temp dir) */
} LoyStoreFixture;

typedef void (*LoyStoreFixtureFunc) (LoyStoreFixture *fixture);

/* Registers every shared store test as "/store/<backend>/<name>". @setup must
 * fill fixture->store with a store holding (at least) the four rewards of the
 * seed document 002 example list, unchanged; @teardown releases it. */
void loy_store_tests_add_common (const char          *backend,
                                 LoyStoreFixtureFunc  setup,
                                 LoyStoreFixtureFunc  teardown);

/* The UUIDs of the seed document's example rewards. */
#define SEED_REWARD_JELLYFISH_NET     "6bfe1e50-b13a-49ab-85c9-98cd8b734da2"
#define SEED_REWARD_KRABBY_PATTY      "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc"
#define SEED_REWARD_KELP_SHAKE_DELUXE "539483d0-fab4-40db-add5-2ec65ef12901"
#define SEED_REWARD_KRUSTY_KRAB_HAT   "31909cd8-a078-49a9-a7e1-aa95aa9e8c4d"

G_END_DECLS
