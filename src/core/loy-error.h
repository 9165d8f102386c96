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
 * again later may succeed.
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
} LoyError;

GQuark loy_error_quark (void);

G_END_DECLS
