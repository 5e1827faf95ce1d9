#include <libxml/xmlversion.h>
// The system ICU headers libxml2 would include clash with Foundation's own copy of ICU
// ('UErrorCode' has different definitions) in every module that imports both; nothing Caper
// calls needs them (they only add fields at the end of xmlCharEncodingHandler, used by pointer).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/xmlschemas.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
