#include "apiclient.h"
