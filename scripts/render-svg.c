/*
 * Renders SVG files to PNG through SDL2_image, the same library (and the same
 * nanosvg rasteriser) the Stage uses at run time, so what this shows is what
 * patients will see.
 *
 *   render-svg [-w WIDTH -h HEIGHT] OUTDIR FILE.svg...
 *
 * Without a size each file is rasterised at its own viewBox size (IMG_Load);
 * with one it goes through IMG_LoadSizedSVG_RW. Exit 0 when every file
 * rendered, 1 when any failed, 2 on bad usage.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

int main(int argc, char **argv) {
  int width = 0, height = 0, arg = 1;
  while (arg + 1 < argc && argv[arg][0] == '-') {
    if (strcmp(argv[arg], "-w") == 0) width = atoi(argv[arg + 1]);
    else if (strcmp(argv[arg], "-h") == 0) height = atoi(argv[arg + 1]);
    else { fprintf(stderr, "render-svg: unknown option '%s'\n", argv[arg]); return 2; }
    arg += 2;
  }
  if (argc - arg < 2) {
    fprintf(stderr, "usage: render-svg [-w WIDTH -h HEIGHT] OUTDIR FILE.svg...\n");
    return 2;
  }
  const char *out_dir = argv[arg++];
  if (IMG_Init(IMG_INIT_PNG) == 0) {
    fprintf(stderr, "render-svg: IMG_Init failed: %s\n", IMG_GetError());
    return 1;
  }
  int failures = 0;
  for (; arg < argc; arg++) {
    const char *path = argv[arg];
    SDL_Surface *surface = NULL;
    if (width > 0 || height > 0) {
      SDL_RWops *rw = SDL_RWFromFile(path, "rb");
      if (rw) surface = IMG_LoadSizedSVG_RW(rw, width, height);
      if (rw) SDL_RWclose(rw);
    } else {
      surface = IMG_Load(path);
    }
    if (!surface) {
      fprintf(stderr, "render-svg: %s: %s\n", path, IMG_GetError());
      failures++;
      continue;
    }
    char out[4096];
    const char *name = base_name(path);
    size_t len = strlen(name);
    if (len > 4 && strcmp(name + len - 4, ".svg") == 0) len -= 4;
    snprintf(out, sizeof out, "%s/%.*s.png", out_dir, (int)len, name);
    if (IMG_SavePNG(surface, out) != 0) {
      fprintf(stderr, "render-svg: %s: %s\n", out, IMG_GetError());
      failures++;
    } else {
      printf("%s -> %s (%dx%d)\n", path, out, surface->w, surface->h);
    }
    SDL_FreeSurface(surface);
  }
  IMG_Quit();
  return failures ? 1 : 0;
}
