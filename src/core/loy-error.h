/* loy-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOY_ERROR (loy_error_quark ())

/**
 * LoyError:
 *
 * Every failure the core reports, in terms a user can act on. The REST
 * backend maps the API's numeric codes onto these and keeps the server's
 * message as the #GError message. %LOY_ERROR_BUSY: another program holds
 * the local database's write lock for longer than the store waits; trying
 * again later may succeed. A remote write whose answer was lost (no answer,
 * a server error, a timeout) is never sent again on its own: the store reads
 * the history to find out what happened, and fails with
 * %LOY_ERROR_WRITE_NOT_DONE when it shows the write did not happen (it can
 * be done again) or %LOY_ERROR_OUTCOME_UNKNOWN when that cannot be told.
 */
typedef enum
{
  LOY_ERROR_FAILED,
  LOY_ERROR_NOT_FOUND,
  LOY_ERROR_INVALID_INPUT,
  LOY_ERROR_INSUFFICIENT_BALANCE,
  LOY_ERROR_OUT_OF_CODES,
  LOY_ERROR_OUT_OF_STOCK,
  LOY_ERROR_NOT_VISIBLE,
  LOY_ERROR_CONFLICT,
  LOY_ERROR_UNAUTHORIZED,
  LOY_ERROR_NETWORK,
  LOY_ERROR_TIMEOUT,
  LOY_ERROR_MALFORMED_RESPONSE,
  LOY_ERROR_NOT_SUPPORTED,
  LOY_ERROR_DATABASE,
  LOY_ERROR_BUSY,
  LOY_ERROR_WRITE_NOT_DONE,
  LOY_ERROR_OUTCOME_UNKNOWN,
} LoyError;

GQuark loy_error_quark (void);

G_END_DECLS
