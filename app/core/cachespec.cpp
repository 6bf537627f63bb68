#include "cachespec.h"
