#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlversion.h>
#include <libxml/encoding.h>
#include <libxml/xmlschemas.h>
