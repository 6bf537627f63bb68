#include "percentencoding.h"
