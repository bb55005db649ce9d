#ifndef GOALBRIDGE_CLIBXML2_SHIM_H
#define GOALBRIDGE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers would pull in the system ICU,
   whose UErrorCode clashes with Foundation's own ICU on a clean build.
   We never touch the ICU-dependent fields, so drop the switch. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
