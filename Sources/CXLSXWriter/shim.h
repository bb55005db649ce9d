/* Only the umbrella header: packager.h names minizip headers Debian does not ship. */
#include <xlsxwriter.h>
