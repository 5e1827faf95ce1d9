// The part of Ada's C API (include/ada_c.h, Ada 2.7) that WebURL calls. Debian's libnode exports
// these symbols but ships no header; the declarations are written from Ada's documented
// signatures. Strings are UTF-8 byte ranges, never NUL-terminated.
#ifndef CADA_SHIM_H
#define CADA_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// A string owned by the Ada object it came from; valid until that object changes or is freed.
typedef struct {
  const char *data;
  size_t length;
} ada_string;

// A string the caller owns and frees with ada_free_owned_string.
typedef struct {
  const char *data;
  size_t length;
} ada_owned_string;

// A parsed URL (an ada::url_aggregator); freed with ada_free, valid or not.
typedef void *ada_url;

ada_url ada_parse(const char *input, size_t length);
ada_url ada_parse_with_base(const char *input, size_t input_length, const char *base, size_t base_length);
bool ada_can_parse(const char *input, size_t length);
bool ada_can_parse_with_base(const char *input, size_t input_length, const char *base, size_t base_length);
void ada_free(ada_url result);
void ada_free_owned_string(ada_owned_string owned);
ada_url ada_copy(ada_url input);
bool ada_is_valid(ada_url result);

ada_owned_string ada_get_origin(ada_url result);
ada_string ada_get_href(ada_url result);
ada_string ada_get_username(ada_url result);
ada_string ada_get_password(ada_url result);
ada_string ada_get_port(ada_url result);
ada_string ada_get_hash(ada_url result);
ada_string ada_get_host(ada_url result);
ada_string ada_get_hostname(ada_url result);
ada_string ada_get_pathname(ada_url result);
ada_string ada_get_search(ada_url result);
ada_string ada_get_protocol(ada_url result);

bool ada_set_href(ada_url result, const char *input, size_t length);
bool ada_set_host(ada_url result, const char *input, size_t length);
bool ada_set_hostname(ada_url result, const char *input, size_t length);
bool ada_set_protocol(ada_url result, const char *input, size_t length);
bool ada_set_username(ada_url result, const char *input, size_t length);
bool ada_set_password(ada_url result, const char *input, size_t length);
bool ada_set_port(ada_url result, const char *input, size_t length);
bool ada_set_pathname(ada_url result, const char *input, size_t length);
void ada_set_search(ada_url result, const char *input, size_t length);
void ada_set_hash(ada_url result, const char *input, size_t length);

// UTS #46 ToASCII / ToUnicode as the URL Standard's "domain to ASCII" uses them; an empty
// string on failure.
ada_owned_string ada_idna_to_ascii(const char *input, size_t length);
ada_owned_string ada_idna_to_unicode(const char *input, size_t length);

// An application/x-www-form-urlencoded list (an ada::url_search_params); freed with
// ada_free_search_params.
typedef void *ada_url_search_params;
typedef void *ada_url_search_params_entries_iter;

typedef struct {
  ada_string key;
  ada_string value;
} ada_string_pair;

ada_url_search_params ada_parse_search_params(const char *input, size_t length);
void ada_free_search_params(ada_url_search_params result);
ada_owned_string ada_search_params_to_string(ada_url_search_params result);
void ada_search_params_append(
  ada_url_search_params result, const char *key, size_t key_length, const char *value, size_t value_length);
ada_url_search_params_entries_iter ada_search_params_get_entries(ada_url_search_params result);
void ada_free_search_params_entries_iter(ada_url_search_params_entries_iter result);
ada_string_pair ada_search_params_entries_iter_next(ada_url_search_params_entries_iter result);
bool ada_search_params_entries_iter_has_next(ada_url_search_params_entries_iter result);

#endif
