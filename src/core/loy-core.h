/* loy-core.h — everything the application and loyctl use from the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-error.h"
#include "loy-image.h"
#include "loy-enums.h"
#include "loy-export.h"
#include "loy-csv.h"
#include "loy-query.h"
#include "loy-reward.h"
#include "loy-contact.h"
#include "loy-contact-attribute.h"
#include "loy-level.h"
#include "loy-number.h"
#include "loy-segment.h"
#include "loy-code-group.h"
#include "loy-campaign.h"
#include "loy-campaign-availability.h"
#include "loy-campaign-category.h"
#include "loy-campaign-json.h"
#include "loy-campaign-purchase.h"
#include "loy-campaign-rules.h"
#include "loy-cashback.h"
#include "loy-shop.h"
#include "loy-code.h"
#include "loy-ledger-entry.h"
#include "loy-ledger-rules.h"
#include "loy-overview.h"
#include "loy-overview-json.h"
#include "loy-program.h"
#include "loy-view-filter.h"
#include "loy-json.h"
#include "loy-json-account.h"
#include "loy-store.h"
#include "loy-paged-model.h"
