/* Counts malloc/calloc/realloc calls and bytes requested; prints them at exit. valgrind cannot read
 * the debug info of binaries linked with swift-crypto, so allocations per read are measured with this:
 *   gcc -O2 -shared -fPIC -o /tmp/alloc-count.so scripts/alloc-count.c -ldl
 *   LD_PRELOAD=/tmp/alloc-count.so .build/release/goalbridge-bench read FILE 2000   (and 1000; see docs/benchmarks.md) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
static atomic_long n, bytes;
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static int ready;
static void init(void) {
  real_malloc = dlsym(RTLD_NEXT, "malloc"); real_calloc = dlsym(RTLD_NEXT, "calloc"); real_realloc = dlsym(RTLD_NEXT, "realloc"); ready = 1;
}
static char buf[1 << 16]; static size_t used;
void *malloc(size_t s) { if (!ready) { if (!real_malloc && used + s < sizeof buf) { void *p = buf + used; used += (s + 15) & ~15; return p; } init(); } n++; bytes += s; return real_malloc(s); }
void *calloc(size_t a, size_t b) { if (!ready) { size_t s = a * b; if (used + s < sizeof buf) { void *p = buf + used; used += (s + 15) & ~15; return p; } } n++; bytes += a * b; return real_calloc(a, b); }
void *realloc(void *p, size_t s) { if (!ready) init(); n++; bytes += s; return real_realloc(p, s); }
void free(void *p) { static void (*real_free)(void *); if ((char *)p >= buf && (char *)p < buf + sizeof buf) return; if (!real_free) real_free = dlsym(RTLD_NEXT, "free"); real_free(p); }
__attribute__((destructor)) static void report(void) { fprintf(stderr, "ALLOCS %ld BYTES %ld\n", (long)n, (long)bytes); }
