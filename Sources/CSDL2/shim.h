#ifndef CONNECTAGE_CSDL2_SHIM_H
#define CONNECTAGE_CSDL2_SHIM_H

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

/* Swift's ClangImporter drops function-like macros and macros built from
   several macros, so the few SDL needs are re-exported here as constants. */
static const int CSDL2_WINDOWPOS_CENTERED = SDL_WINDOWPOS_CENTERED;
static const int CSDL2_WINDOWPOS_UNDEFINED = SDL_WINDOWPOS_UNDEFINED;
static const SDL_AudioFormat CSDL2_AUDIO_S16LSB = AUDIO_S16LSB;
static const SDL_AudioFormat CSDL2_AUDIO_S16SYS = AUDIO_S16SYS;
static const Uint32 CSDL2_PIXELFORMAT_ARGB8888 = SDL_PIXELFORMAT_ARGB8888;
static const Uint32 CSDL2_PIXELFORMAT_ABGR8888 = SDL_PIXELFORMAT_ABGR8888;

/* Macros that wrap a function call. */
static inline int CSDL2_GameControllerAddMappingsFromFile(const char *file) {
  return SDL_GameControllerAddMappingsFromFile(file);
}
static inline SDL_AudioSpec *CSDL2_LoadWAV(const char *file, SDL_AudioSpec *spec, Uint8 **buf, Uint32 *len) {
  return SDL_LoadWAV(file, spec, buf, len);
}

#endif
